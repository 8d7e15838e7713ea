import type { Actor, EntityManager } from "@portal/kit";
import { Business } from "../business/business.entity.js";
import { Contact } from "../contacts/contact.entity.js";
import { Operator } from "../staff/operator.entity.js";
import { Staff } from "../staff/staff.entity.js";

export interface ViewerRecord {
  kind: "anonymous" | "contact" | "staff" | "operator" | "apiKey";
  contact: Contact | null;
  staff: Staff | null;
  operator: Operator | null;
  business: Business | null;
}

/**
 * Who is calling, re-read from the database: a contact whose access was removed is anonymous even if
 * a stale authentication still names them.
 */
export async function loadViewer(em: EntityManager, businessId: string | null, actor: Pick<Actor, "kind" | "id">): Promise<ViewerRecord> {
  const business = businessId ? await em.findOne(Business, { id: businessId }) : null;
  const viewer: ViewerRecord = { kind: "anonymous", contact: null, staff: null, operator: null, business };
  if (!actor.id) return viewer;
  if (actor.kind === "contact" && business) {
    const contact = await em.findOne(Contact, { id: actor.id });
    if (contact && contact.accessStatus === "active") return { ...viewer, kind: "contact", contact };
  }
  if (actor.kind === "staff" && business) {
    const staff = await em.findOne(Staff, { id: actor.id });
    if (staff) return { ...viewer, kind: "staff", staff };
  }
  if (actor.kind === "operator") {
    const operator = await em.findOne(Operator, { id: actor.id });
    if (operator) return { ...viewer, kind: "operator", operator };
  }
  if (actor.kind === "apiKey" && business) return { ...viewer, kind: "apiKey" };
  return viewer;
}
