import { type Caller, type EntityManager, isStaffReader } from "@portal/kit";
import { GroupMember } from "../members/member.entity.js";
import { contactIdOf, personOf, type Person } from "../shared/access.js";
import { isUuid } from "../shared/ids.js";
import { CommunityGroupRow } from "./group.entity.js";

/** What the caller may do in one group, decided once per request. */
export interface GroupAccess {
  group: CommunityGroupRow;
  /** Staff or a READ API key: sees the group whatever its state. */
  staff: boolean;
  /** The caller's membership, for a contact. */
  member: GroupMember | null;
  /** Who writes when the caller posts, comments or reacts (a member contact or a staff member). */
  person: Person | null;
}

/**
 * The group as the caller may see it: staff of its business (any state), or a contact who is a
 * member of it while it is not archived. Anyone else, another business included (the tenant filter
 * hides its rows), gets null: "not found", exactly as an id that does not exist.
 */
export async function groupAccess(em: EntityManager, caller: Caller, groupId: string): Promise<GroupAccess | null> {
  if (!caller.businessId || !isUuid(groupId)) return null;
  const staff = isStaffReader(caller);
  const contactId = contactIdOf(caller);
  if (!staff && !contactId) return null;
  const group = await em.findOne(CommunityGroupRow, { id: groupId });
  if (!group) return null;
  if (staff) {
    const person = personOf(caller);
    return { group, staff, member: null, person: person?.kind === "staff" ? person : null };
  }
  if (group.archivedAt) return null;
  const member = await em.findOne(GroupMember, { groupId, contactId: contactId! });
  if (!member) return null;
  return { group, staff, member, person: { kind: "contact", id: contactId! } };
}

/** Staff moderate (a staff member or a WRITE API key). */
export function canModerate(caller: Caller): boolean {
  const actor = caller.actor;
  return Boolean(caller.businessId) && (actor.kind === "staff" || (actor.kind === "apiKey" && Boolean(actor.scopes?.includes("write"))));
}
