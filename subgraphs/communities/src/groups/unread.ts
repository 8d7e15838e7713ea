import { type EntityManager, sql } from "@portal/kit";
import { uuidArray } from "../shared/ids.js";

/**
 * Posts by others since the contact's last visit, per group they belong to (archived groups and
 * removed posts left out), in one statement.
 */
export async function unreadCounts(
  em: EntityManager,
  businessId: string,
  contactId: string,
  groupIds: string[] | null,
): Promise<Map<string, number>> {
  const rows = await sql<{ group_id: string; unread: string }>(
    em,
    `select m.group_id, count(p.id) as unread
     from communities.group_member m
     join communities.community_group g on g.id = m.group_id and g.archived_at is null
     left join communities.post p on p.group_id = m.group_id and p.business_id = m.business_id
       and p.created_at > m.last_visited_at and p.removed_at is null
       and not (p.author_kind = 'contact' and p.author_id = m.contact_id)
     where m.business_id = ? and m.contact_id = ? ${groupIds ? "and m.group_id = any(?::uuid[])" : ""}
     group by m.group_id`,
    groupIds ? [businessId, contactId, uuidArray(groupIds)] : [businessId, contactId],
  );
  return new Map(rows.map((row) => [row.group_id, Number(row.unread)]));
}
