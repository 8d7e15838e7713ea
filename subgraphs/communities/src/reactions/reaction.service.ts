import { type Caller, type EntityManager, NotFoundError, sql } from "@portal/kit";
import { Comment } from "../comments/comment.entity.js";
import { readablePost } from "../feed/post.service.js";
import type { GroupAccess } from "../groups/group-access.js";
import { CommunityStateError } from "../groups/group.errors.js";
import { announceFeedChange } from "../live/feed-live.js";
import type { Person } from "../shared/access.js";
import type { ReactionKindValue } from "../shared/enums.js";
import { isUuid } from "../shared/ids.js";

export interface ReactionTarget {
  targetId: string;
  postId: string;
  commentId: string | null;
  access: GroupAccess;
}

/** A post or a comment the caller may see and react to (not removed, in a group that is not archived). */
async function reactable(
  em: EntityManager,
  caller: Caller,
  targetId: string,
): Promise<ReactionTarget | NotFoundError | CommunityStateError> {
  if (!isUuid(targetId)) return NotFoundError.of("No such post or comment");
  const comment = await em.findOne(Comment, { id: targetId });
  const found = await readablePost(em, caller, comment?.postId ?? targetId);
  if (!found?.access.person) return NotFoundError.of("No such post or comment");
  if (found.post.removedAt || comment?.removedAt) return CommunityStateError.of("It was removed");
  if (found.access.group.archivedAt) return CommunityStateError.of("The group is archived");
  return { targetId, postId: found.post.id, commentId: comment?.id ?? null, access: found.access };
}

export interface ReactionOutcome {
  targetId: string;
  counts: Map<ReactionKindValue, number>;
  mine: ReactionKindValue[];
}

/** Counts per kind for one target and the person's own kinds, in one statement. */
async function outcome(em: EntityManager, businessId: string, targetId: string, person: Person): Promise<ReactionOutcome> {
  const rows = await sql<{ kind: ReactionKindValue; count: string; mine: boolean }>(
    em,
    `select kind, count(*) as count, bool_or(person_kind = ? and person_id = ?) as mine
     from communities.reaction where business_id = ? and target_id = ? group by kind`,
    [person.kind, person.id, businessId, targetId],
  );
  return {
    targetId,
    counts: new Map(rows.map((row) => [row.kind, Number(row.count)])),
    mine: rows.filter((row) => row.mine).map((row) => row.kind),
  };
}

/**
 * Reacting twice with the same kind changes nothing: the unique constraint on (target, person, kind)
 * decides under any concurrency (`on conflict do nothing`), so counts are exact.
 */
export async function setReaction(
  em: EntityManager,
  caller: Caller,
  targetId: string,
  kind: ReactionKindValue,
  on: boolean,
): Promise<ReactionOutcome | NotFoundError | CommunityStateError> {
  return em.transactional(async (tx) => {
    const target = await reactable(tx, caller, targetId);
    if (!("access" in target)) return target;
    const { group, person } = target.access;
    const changed = on
      ? await sql(
          tx,
          `insert into communities.reaction (business_id, group_id, post_id, target_id, person_kind, person_id, kind)
           values (?, ?, ?, ?, ?, ?, ?) on conflict (target_id, person_kind, person_id, kind) do nothing returning id`,
          [group.businessId, group.id, target.postId, targetId, person!.kind, person!.id, kind],
        )
      : await sql(
          tx,
          `delete from communities.reaction where business_id = ? and target_id = ? and person_kind = ? and person_id = ? and kind = ? returning id`,
          [group.businessId, targetId, person!.kind, person!.id, kind],
        );
    if (changed.length)
      await announceFeedChange(tx, group, { kind: "REACTIONS_CHANGED", postId: target.postId, commentId: target.commentId, targetId });
    return outcome(tx, group.businessId, targetId, person!);
  });
}
