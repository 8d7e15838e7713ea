import type { Actor, EntityManager } from "@portal/kit";
import { Business } from "../business/business.entity.js";
import { Contact } from "../contacts/contact.entity.js";
import { Operator } from "../staff/operator.entity.js";
import { Staff } from "../staff/staff.entity.js";
import { readViewerRow, tenantOf, type Party } from "./viewer-row.js";

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

/** The row read beside the business for each kind of caller (an API key has none of its own). */
const PARTY: Partial<Record<Actor["kind"], Party>> = { contact: Contact, staff: Staff, operator: Operator };

/**
 * `loadViewer` in one SQL statement of fixed text (business and caller side by side, mapped into
 * read-only entity instances), with the same answers, for queries: nothing it returns is saved by a
 * flush (a mutation reads what it changes through its service). Contacts and staff are read within the EntityManager's
 * tenant, as the tenant filter reads them; an EntityManager scoped to another business than
 * `businessId` (or to none) is answered by `loadViewer` itself.
 */
export async function readViewer(em: EntityManager, businessId: string | null, actor: Pick<Actor, "kind" | "id">): Promise<ViewerRecord> {
  const party = actor.id ? (PARTY[actor.kind] ?? null) : null;
  const tenantScoped = party === Contact || party === Staff;
  if (tenantScoped && businessId && tenantOf(em) !== businessId) return loadViewer(em, businessId, actor);
  // Without a business, only an operator can be anyone.
  if (!businessId && party !== Operator) return { kind: "anonymous", contact: null, staff: null, operator: null, business: null };
  const { business, party: row } = await readViewerRow(em, businessId, party, actor.id ?? null);
  const viewer: ViewerRecord = { kind: "anonymous", contact: null, staff: null, operator: null, business };
  if (!actor.id) return viewer;
  if (row instanceof Contact && business) return row.accessStatus === "active" ? { ...viewer, kind: "contact", contact: row } : viewer;
  if (row instanceof Staff && business) return { ...viewer, kind: "staff", staff: row };
  if (row instanceof Operator) return { ...viewer, kind: "operator", operator: row };
  if (actor.kind === "apiKey" && business) return { ...viewer, kind: "apiKey" };
  return viewer;
}

const readsByRequest = new WeakMap<EntityManager, Map<string, Promise<ViewerRecord>>>();

/**
 * `readViewer` once per request: resolvers of one query that each ask for the viewer (the dashboard
 * asks for `portal` and `viewer` together) share one read. Keyed by the request's EntityManager, so
 * the next request reads again; for queries only, where nothing is written in between.
 */
export function viewerOfRequest(em: EntityManager, businessId: string | null, actor: Pick<Actor, "kind" | "id">): Promise<ViewerRecord> {
  let reads = readsByRequest.get(em);
  if (!reads) {
    reads = new Map();
    readsByRequest.set(em, reads);
  }
  const key = `${businessId ?? ""}|${actor.kind}|${actor.id ?? ""}`;
  let read = reads.get(key);
  if (!read) {
    read = readViewer(em, businessId, actor);
    reads.set(key, read);
  }
  return read;
}
