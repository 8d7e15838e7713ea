import { type EntityManager, preparedStatement, runPrepared } from "@portal/kit";
import { isUuid } from "../shared/ids.js";

const UNREAD_TEXT = `select m.group_id, count(p.id) as unread
   from communities.group_member m
   join communities.community_group g on g.id = m.group_id and g.archived_at is null
   left join communities.post p on p.group_id = m.group_id and p.business_id = m.business_id
     and p.created_at > m.last_visited_at and p.removed_at is null
     and not (p.author_kind = 'contact' and p.author_id = m.contact_id)
   where m.business_id = $1 and m.contact_id = $2`;
const UNREAD = preparedStatement("communities_unread", `${UNREAD_TEXT} group by m.group_id`);
const UNREAD_IN_GROUPS = preparedStatement(
  "communities_unread_in_groups",
  `${UNREAD_TEXT} and m.group_id = any($3::uuid[]) group by m.group_id`,
);

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
  const rows = await runPrepared<{ group_id: string; unread: string }>(
    em,
    groupIds ? UNREAD_IN_GROUPS : UNREAD,
    groupIds ? [businessId, contactId, groupIds.filter(isUuid)] : [businessId, contactId],
  );
  return new Map(rows.map((row) => [row.group_id, Number(row.unread)]));
}
