import { type EntityManager, sql } from "@portal/kit";
import type { Person } from "../shared/access.js";
import { uuidArray } from "../shared/ids.js";
import { CommunityReactionKind, REACTION_KINDS, type ReactionKindValue } from "../shared/enums.js";
import { CommunityViewerReaction } from "./post.types.js";

function group(rows: { target_id: string; kind: ReactionKindValue }[]): CommunityViewerReaction[] {
  const byTarget = new Map<string, ReactionKindValue[]>();
  for (const row of rows) byTarget.set(row.target_id, [...(byTarget.get(row.target_id) ?? []), row.kind]);
  return [...byTarget].map(([targetId, kinds]) =>
    Object.assign(new CommunityViewerReaction(), {
      targetId,
      kinds: kinds
        .sort((a, b) => REACTION_KINDS.indexOf(a) - REACTION_KINDS.indexOf(b))
        .map((kind) => kind.toUpperCase() as CommunityReactionKind),
    }),
  );
}

/** The person's reactions to the posts and everything under them, in one statement. */
export async function viewerReactionsForPosts(em: EntityManager, businessId: string, person: Person | null, postIds: string[]) {
  if (!person || postIds.length === 0) return [];
  const rows = await sql<{ target_id: string; kind: ReactionKindValue }>(
    em,
    `select target_id, kind from communities.reaction where business_id = ? and person_kind = ? and person_id = ? and post_id = any(?::uuid[])`,
    [businessId, person.kind, person.id, uuidArray(postIds)],
  );
  return group(rows);
}

export async function viewerReactionsForTargets(em: EntityManager, businessId: string, person: Person | null, targetIds: string[]) {
  if (!person || targetIds.length === 0) return [];
  const rows = await sql<{ target_id: string; kind: ReactionKindValue }>(
    em,
    `select target_id, kind from communities.reaction where business_id = ? and person_kind = ? and person_id = ? and target_id = any(?::uuid[])`,
    [businessId, person.kind, person.id, uuidArray(targetIds)],
  );
  return group(rows);
}
