import { randomUUID } from "node:crypto";
import type { EntityManager } from "@portal/kit";
import { WorkflowTrigger } from "./triggers.js";
import { Workflow, type WorkflowAction, type WorkflowCondition } from "./workflow.entity.js";

interface DefaultWorkflow {
  key: string;
  name: string;
  trigger: WorkflowTrigger;
  conditions: WorkflowCondition[];
  actions: WorkflowAction[];
}

/** Staff's "invite to the portal" tick on what they sent (absent means yes). */
const STAFF_CHOSE_TO_INVITE: WorkflowCondition = { field: "inviteToPortal", operator: "EQUALS", value: "true" };
/** Only contacts without access are invited (identity checks again: the copy here may lag behind). */
const WITHOUT_ACCESS: WorkflowCondition = { field: "contactHasPortalAccess", operator: "EQUALS", value: "false" };
const INVITE: WorkflowAction = { type: "INVITE_TO_PORTAL" };

/**
 * What the portal has always done on its own, as workflows every business gets (shown and editable):
 * something sent to a client, or access given, invites a contact without portal access, the
 * invitation opening what it is about; a paid order invites the buyer and grants what the offer includes.
 */
export const DEFAULT_WORKFLOWS: readonly DefaultWorkflow[] = [
  invite("invoice-sent-invite", "Invoice sent → invite to the portal", WorkflowTrigger.INVOICE_SENT),
  invite("document-sent-invite", "Document sent → invite to the portal", WorkflowTrigger.DOCUMENT_SENT),
  invite("added-to-group-invite", "Added to a group → invite to the portal", WorkflowTrigger.ADDED_TO_GROUP),
  invite("course-access-invite", "Course access granted → invite to the portal", WorkflowTrigger.COURSE_ACCESS_GRANTED),
  invite("appointment-booked-invite", "Appointment booked → invite to the portal", WorkflowTrigger.APPOINTMENT_BOOKED),
  invite("became-affiliate-invite", "Became an affiliate → invite to the portal", WorkflowTrigger.BECAME_AFFILIATE),
  {
    key: "order-paid-invite-and-grant",
    name: "Order paid → invite and grant what the offer includes",
    trigger: WorkflowTrigger.ORDER_PAID,
    conditions: [],
    actions: [INVITE, { type: "GRANT_OFFER_ACCESS" }],
  },
];

function invite(key: string, name: string, trigger: WorkflowTrigger): DefaultWorkflow {
  return { key, name, trigger, conditions: [STAFF_CHOSE_TO_INVITE, WITHOUT_ACCESS], actions: [INVITE] };
}

/**
 * Gives a business its default workflows the first time it is seen (its first snapshot, its first
 * trigger, the start-up backfill), once: a marker row records it, so a default staff deleted stays deleted.
 * Runs in the caller's transaction; two concurrent callers meet on the marker's primary key.
 */
export async function ensureDefaultWorkflows(em: EntityManager, businessId: string): Promise<boolean> {
  const inserted: { business_id: string }[] = await em
    .getConnection()
    .execute(
      `insert into "automation"."workflow_defaults" ("business_id", "created_at") values (?, now()) on conflict do nothing returning "business_id"`,
      [businessId],
      "all",
      em.getTransactionContext(),
    );
  if (inserted.length === 0) return false;
  for (const entry of DEFAULT_WORKFLOWS) {
    em.create(Workflow, {
      id: randomUUID(),
      businessId,
      name: entry.name,
      trigger: entry.trigger,
      conditions: entry.conditions,
      actions: entry.actions,
      defaultKey: entry.key,
    });
  }
  await em.flush();
  return true;
}
