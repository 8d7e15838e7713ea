import { type EntityManager, KnownContact, KnownStaff } from "@portal/kit";
import type { CommunityPersonKind } from "./enums.js";
import { CommunityPerson } from "./person.types.js";
import type { PersonKindValue } from "./enums.js";

/** `contact:<id>` or `staff:<id>`. */
export type PersonKey = `${PersonKindValue}:${string}`;
export const personKey = (kind: string, id: string): PersonKey => `${kind as PersonKindValue}:${id}`;

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((word) => [...word][0]!.toUpperCase()).join("") || "?";
}

export function personView(kind: PersonKindValue, id: string, name: string | null): CommunityPerson {
  const shown = name ?? (kind === "staff" ? "Staff member" : "Former member");
  return Object.assign(new CommunityPerson(), {
    id,
    kind: kind.toUpperCase() as CommunityPersonKind,
    name: shown,
    initials: initialsOf(shown),
    avatarUrl: null,
    isStaff: kind === "staff",
  });
}

/**
 * Names from the identity projection (this subgraph's own copy of identity's contacts and staff):
 * at most two statements for any number of people, and no call to identity.
 */
export async function loadPeople(em: EntityManager, keys: readonly PersonKey[]): Promise<Map<PersonKey, CommunityPerson>> {
  const contactIds = keys.filter((key) => key.startsWith("contact:")).map((key) => key.slice(8));
  const staffIds = keys.filter((key) => key.startsWith("staff:")).map((key) => key.slice(6));
  const names = new Map<PersonKey, string>();
  if (contactIds.length) {
    for (const contact of await em.find(KnownContact, { contactId: { $in: contactIds } }))
      names.set(`contact:${contact.contactId}`, contact.name);
  }
  if (staffIds.length) {
    for (const staff of await em.find(KnownStaff, { staffId: { $in: staffIds } })) names.set(`staff:${staff.staffId}`, staff.name);
  }
  const people = new Map<PersonKey, CommunityPerson>();
  for (const key of keys) {
    const [kind, id] = key.split(":") as [PersonKindValue, string];
    people.set(key, personView(kind, id, names.get(key) ?? null));
  }
  return people;
}
