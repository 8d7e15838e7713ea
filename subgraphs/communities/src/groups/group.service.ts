import {
  type Caller,
  type EntityManager,
  NotFoundError,
  type PageArgs,
  decodeCursor,
  encodeCursor,
  pageSize,
  sql,
  ValidationError,
} from "@portal/kit";
import type { Connection } from "@portal/kit";
import { GroupMember } from "../members/member.entity.js";
import { contactIdOf } from "../shared/access.js";
import { isUuid } from "../shared/ids.js";
import { announceGroupArchived, announceFeedChange } from "../live/feed-live.js";
import { CommunityGroupRow } from "./group.entity.js";
import { CommunityStateError } from "./group.errors.js";

export interface GroupInput {
  name: string;
  description?: string | null;
  private?: boolean | null;
}

function validate(input: GroupInput): ValidationError | { name: string; description: string; private: boolean } {
  const name = input.name.trim();
  if (!name || name.length > 100) return ValidationError.of("name", "Give the group a name of 1–100 characters");
  const description = (input.description ?? "").trim();
  if (description.length > 2000) return ValidationError.of("description", "The description is at most 2000 characters");
  return { name, description, private: input.private ?? true };
}

export async function createGroup(em: EntityManager, businessId: string, input: GroupInput): Promise<CommunityGroupRow | ValidationError> {
  const valid = validate(input);
  if (valid instanceof ValidationError) return valid;
  const group = em.create(CommunityGroupRow, { businessId, ...valid } as CommunityGroupRow);
  await em.flush();
  return group;
}

export async function findGroup(em: EntityManager, id: string): Promise<CommunityGroupRow | null> {
  return isUuid(id) ? em.findOne(CommunityGroupRow, { id }) : null;
}

export async function updateGroup(
  em: EntityManager,
  id: string,
  input: GroupInput,
): Promise<CommunityGroupRow | ValidationError | NotFoundError> {
  const valid = validate(input);
  if (valid instanceof ValidationError) return valid;
  return em.transactional(async (tx) => {
    const group = await findGroup(tx, id);
    if (!group) return NotFoundError.of("No such group");
    Object.assign(group, valid, { updatedAt: new Date() });
    await tx.flush();
    await announceFeedChange(tx, group, { kind: "GROUP_UPDATED" });
    return group;
  });
}

/** Archiving hides the group from its members at once (their feed subscriptions end); staff can restore it. */
export async function setGroupArchived(
  em: EntityManager,
  id: string,
  archived: boolean,
): Promise<CommunityGroupRow | NotFoundError | CommunityStateError> {
  return em.transactional(async (tx) => {
    const group = await findGroup(tx, id);
    if (!group) return NotFoundError.of("No such group");
    if ((group.archivedAt !== null) === archived)
      return CommunityStateError.of(archived ? "The group is already archived" : "The group is not archived");
    group.archivedAt = archived ? new Date() : null;
    group.updatedAt = new Date();
    await tx.flush();
    await announceFeedChange(tx, group, { kind: "GROUP_UPDATED" });
    if (archived) await announceGroupArchived(tx, group);
    return group;
  });
}

/** Staff take the cover image away (the image is deleted). */
export async function removeGroupCover(em: EntityManager, id: string): Promise<CommunityGroupRow | NotFoundError> {
  return em.transactional(async (tx) => {
    const group = await findGroup(tx, id);
    if (!group) return NotFoundError.of("No such group");
    const previous = group.coverImageId;
    if (!previous) return group;
    group.coverImageId = null;
    group.updatedAt = new Date();
    await tx.flush();
    await sql(tx, `delete from communities.image where id = ? and business_id = ?`, [previous, group.businessId]);
    await announceFeedChange(tx, group, { kind: "GROUP_UPDATED" });
    return group;
  });
}

export interface GroupListArgs extends PageArgs {
  search?: string | null;
  includeArchived?: boolean | null;
}

/**
 * Staff: every group of the business (archived ones on request); a contact: the groups they belong
 * to that are not archived. By name.
 */
export async function listGroups(em: EntityManager, caller: Caller, args: GroupListArgs): Promise<Connection<CommunityGroupRow>> {
  const limit = pageSize(args.first);
  const cursor = decodeCursor(args.after);
  const contactId = contactIdOf(caller);
  const where: Record<string, unknown>[] = [];
  if (contactId) {
    const memberships = await em.find(GroupMember, { contactId });
    where.push({ id: { $in: memberships.map((member) => member.groupId) } }, { archivedAt: null });
  } else if (!args.includeArchived) where.push({ archivedAt: null });
  const search = args.search?.trim();
  if (search) where.push({ name: { $ilike: `%${search.replace(/[\\%_]/g, "\\$&")}%` } });
  const filter = { $and: where.length ? where : [{}] };
  const after = cursor ? { $or: [{ name: { $gt: cursor.sort } }, { name: cursor.sort, id: { $gt: cursor.id } }] } : null;
  const rows = await em.find(CommunityGroupRow, after ? { $and: [filter, after] } : filter, {
    orderBy: { name: "asc", id: "asc" },
    limit: limit + 1,
  });
  const totalCount = await em.count(CommunityGroupRow, filter);
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ node, cursor: encodeCursor({ sort: node.name, id: node.id }) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
