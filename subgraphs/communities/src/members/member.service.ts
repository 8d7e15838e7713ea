import { communities } from "@portal/contracts";
import {
  type Caller,
  type Connection,
  type EntityManager,
  findRefs,
  KNOWN_CONTACTS,
  NotFoundError,
  type PageArgs,
  publish,
  sql,
  ValidationError,
} from "@portal/kit";
import { CommunityGroupRow } from "../groups/group.entity.js";
import { CommunityStateError } from "../groups/group.errors.js";
import { findGroup } from "../groups/group.service.js";
import { announceMembershipEnded } from "../live/feed-live.js";
import { contactIdOf } from "../shared/access.js";
import { decodeCursor, encodeCursor, pageSize } from "@portal/kit";
import type { NotificationLevelValue } from "../shared/enums.js";
import { isUuid, uuidArray } from "../shared/ids.js";
import { GroupMember } from "./member.entity.js";

export const MAX_MEMBERS_PER_CALL = 100;

export interface AddMembersOutcome {
  group: CommunityGroupRow;
  added: GroupMember[];
}

/**
 * Adds contacts of the business to a group (staff, or another section's workflow through the
 * `communities.member.add_requested` event). Contacts already members are left as they are. Each
 * added contact is announced in `communities.member.added`, which identity answers by inviting a
 * contact without portal access when `inviteToPortal` is not false (as for invoices).
 */
export async function addMembers(
  em: EntityManager,
  groupId: string,
  contactIds: readonly string[],
  inviteToPortal: boolean,
): Promise<AddMembersOutcome | ValidationError | NotFoundError | CommunityStateError> {
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return ValidationError.of("contactIds", "Choose at least one contact");
  if (ids.length > MAX_MEMBERS_PER_CALL) return ValidationError.of("contactIds", `Add at most ${MAX_MEMBERS_PER_CALL} contacts at once`);
  return em.transactional(async (tx) => {
    const group = await findGroup(tx, groupId);
    if (!group) return NotFoundError.of("No such group");
    if (group.archivedAt) return CommunityStateError.of("The group is archived; restore it to add members");
    const refs = Object.fromEntries(ids.map((id, index) => [`contactIds.${index}`, [KNOWN_CONTACTS, id] as const]));
    const found = await findRefs(tx, refs);
    if (found instanceof ValidationError) return found;
    const rows = await sql<{ id: string; contact_id: string }>(
      tx,
      `insert into communities.group_member (business_id, group_id, contact_id)
       select ?, ?, unnest(?::uuid[]) on conflict (group_id, contact_id) do nothing returning id, contact_id`,
      [group.businessId, group.id, uuidArray(ids)],
    );
    const added = rows.length
      ? await tx.find(GroupMember, { id: { $in: rows.map((row) => row.id) } }, { orderBy: { joinedAt: "asc", id: "asc" } })
      : [];
    for (const member of added) {
      await publish(tx, communities.memberAdded, group.businessId, {
        groupId: group.id,
        groupName: group.name,
        contactId: member.contactId,
        inviteToPortal,
        portalPath: `/communities/${group.id}`,
      });
    }
    return { group, added };
  });
}

/** Ends a contact's membership: their open feed subscriptions end at once (announced with the change). */
export async function removeMember(em: EntityManager, groupId: string, contactId: string): Promise<CommunityGroupRow | NotFoundError> {
  if (!isUuid(groupId) || !isUuid(contactId)) return NotFoundError.of("No such member");
  return em.transactional(async (tx) => {
    const group = await findGroup(tx, groupId);
    const member = group ? await tx.findOne(GroupMember, { groupId, contactId }) : null;
    if (!group || !member) return NotFoundError.of("No such member");
    tx.remove(member);
    await tx.flush();
    await announceMembershipEnded(tx, group.businessId, group.id, contactId);
    return group;
  });
}

export async function leaveGroup(em: EntityManager, caller: Caller, groupId: string): Promise<string | NotFoundError> {
  const contactId = contactIdOf(caller);
  if (!contactId) return NotFoundError.of("Only members can leave a group");
  const outcome = await removeMember(em, groupId, contactId);
  return outcome instanceof NotFoundError ? NotFoundError.of("You are not a member of this group") : outcome.id;
}

export async function ownMembership(em: EntityManager, caller: Caller, groupId: string): Promise<GroupMember | null> {
  const contactId = contactIdOf(caller);
  if (!contactId || !isUuid(groupId)) return null;
  const member = await em.findOne(GroupMember, { groupId, contactId });
  if (!member) return null;
  const group = await em.findOne(CommunityGroupRow, { id: groupId });
  return group && !group.archivedAt ? member : null;
}

export async function setNotificationLevel(
  em: EntityManager,
  caller: Caller,
  groupId: string,
  level: NotificationLevelValue,
): Promise<GroupMember | NotFoundError> {
  const member = await ownMembership(em, caller, groupId);
  if (!member) return NotFoundError.of("You are not a member of this group");
  member.notificationLevel = level;
  await em.flush();
  return member;
}

/** The unread marker: everything posted up to now counts as seen. */
export async function markVisited(em: EntityManager, caller: Caller, groupId: string): Promise<GroupMember | NotFoundError> {
  const member = await ownMembership(em, caller, groupId);
  if (!member) return NotFoundError.of("You are not a member of this group");
  member.lastVisitedAt = new Date();
  await em.flush();
  return member;
}

/** A group's members by name (from the identity projection), for lists and @mention suggestions. */
export async function listMembers(
  em: EntityManager,
  group: CommunityGroupRow,
  args: PageArgs & { search?: string | null },
): Promise<Connection<{ member: GroupMember; name: string }>> {
  const limit = pageSize(args.first, 50);
  const cursor = decodeCursor(args.after);
  const search = args.search?.trim() ?? "";
  const params: unknown[] = [group.businessId, group.id];
  let where = "m.business_id = ? and m.group_id = ?";
  if (search) {
    where += " and coalesce(c.name, '') ilike ?";
    params.push(`%${search.replace(/[\\%_]/g, "\\$&")}%`);
  }
  const pageWhere = cursor ? `${where} and (coalesce(c.name, ''), m.id) > (?, ?::uuid)` : where;
  const rows = await sql<{ id: string; name: string | null }>(
    em,
    `select m.id, c.name from communities.group_member m
     left join communities.known_contact c on c.contact_id = m.contact_id and c.business_id = m.business_id
     where ${pageWhere} order by coalesce(c.name, ''), m.id limit ?`,
    [...params, ...(cursor ? [cursor.sort, cursor.id] : []), limit + 1],
  );
  const [{ count }] = await sql<{ count: string }>(
    em,
    `select count(*) from communities.group_member m
     left join communities.known_contact c on c.contact_id = m.contact_id and c.business_id = m.business_id where ${where}`,
    params,
  );
  const members = rows.length ? await em.find(GroupMember, { id: { $in: rows.map((row) => row.id) } }) : [];
  const byId = new Map(members.map((member) => [member.id, member]));
  const nodes = rows.slice(0, limit).map((row) => ({ member: byId.get(row.id)!, name: row.name ?? "" }));
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor({ sort: node.name, id: node.member.id }) }));
  return {
    edges,
    totalCount: Number(count),
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
