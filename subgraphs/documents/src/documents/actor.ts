import { KnownContact, KnownStaff, type Caller, type EntityManager } from "@portal/kit";
import type { AuditActor } from "../audit/audit.service.js";
import { actorLabel } from "../shared/access.js";
import type { Recipient } from "./recipient.entity.js";

/** The caller as the audit trail names them: the recipient's name when acting as one, else as documents knows them from identity. */
export async function actorOf(em: EntityManager, caller: Caller, recipient?: Recipient | null): Promise<AuditActor> {
  const { kind, id } = caller.actor;
  let name = recipient?.name ?? null;
  if (!name && id && kind === "staff") name = (await em.findOne(KnownStaff, { staffId: id }))?.name ?? null;
  if (!name && id && kind === "contact") name = (await em.findOne(KnownContact, { contactId: id }))?.name ?? null;
  return { kind, id, name: name ?? actorLabel(caller), ip: caller.ip || null, userAgent: caller.userAgent || null };
}
