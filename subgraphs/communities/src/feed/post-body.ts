import { type EntityManager, sql, ValidationError } from "@portal/kit";
import { type Mentionable, renderBody, type RenderedBody } from "./markdown.js";

export const MAX_POST_BODY = 20_000;
export const MAX_COMMENT_BODY = 5_000;
export const MAX_TITLE = 200;

/** The first word after each "@" that could start a mention (not inside an email address), lower-cased. */
export function mentionedWords(body: string): string[] {
  const words = new Set<string>();
  for (const match of body.matchAll(/(?:^|[^\p{L}\p{N}_.@+-])@([\p{L}\p{N}_-]{1,100})/gu)) words.add(match[1]!.toLowerCase());
  return [...words].slice(0, 50);
}

/**
 * Who the body may @mention: the group's members and the business's current staff whose first name
 * is a word written after an "@" (the renderer then matches first or full names), so a group of
 * thousands is never read whole for one post.
 */
export async function mentionablesOf(em: EntityManager, businessId: string, groupId: string, body: string): Promise<Mentionable[]> {
  const words = mentionedWords(body);
  if (words.length === 0) return [];
  const firstWord = (column: string) => `lower(split_part(btrim(${column}), ' ', 1)) = any(string_to_array(?, chr(10)))`;
  const rows = await sql<{ kind: "contact" | "staff"; id: string; name: string }>(
    em,
    `select 'contact' as kind, c.contact_id as id, c.name from communities.group_member m
       join communities.known_contact c on c.contact_id = m.contact_id and c.business_id = m.business_id
       where m.business_id = ? and m.group_id = ? and ${firstWord("c.name")}
     union all
     select 'staff', s.staff_id, s.name from communities.known_staff s where s.business_id = ? and not s.removed and ${firstWord("s.name")}`,
    [businessId, groupId, words.join("\n"), businessId, words.join("\n")],
  );
  return rows.filter((row) => row.name.trim());
}

export function checkBody(body: string, max: number, field = "body"): ValidationError | string {
  const trimmed = body.trim();
  if (!trimmed) return ValidationError.of(field, "Write something first");
  if (trimmed.length > max) return ValidationError.of(field, `At most ${max} characters`);
  return trimmed;
}

export function checkTitle(title: string | null | undefined): ValidationError | string | null {
  const trimmed = title?.replace(/\s+/g, " ").trim() ?? "";
  if (!trimmed) return null;
  if (trimmed.length > MAX_TITLE) return ValidationError.of("title", `The title is at most ${MAX_TITLE} characters`);
  return trimmed;
}

export async function renderFor(em: EntityManager, businessId: string, groupId: string, body: string): Promise<RenderedBody> {
  return renderBody(body, await mentionablesOf(em, businessId, groupId, body));
}
