import { type ActionOutcome, identity } from "@portal/contracts";
import { consume, publish, type SubgraphDeps } from "@portal/kit";
import { sendInvitation } from "../contacts/access.service.js";
import { Contact } from "../contacts/contact.entity.js";
import { isSafeNextPath } from "../shared/next-path.js";
import { IDENTITY_CONSUMER, type InviteToPortalSettings } from "./invite-to-portal.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why a contact who has (or had) portal access is not invited again. */
const NOT_INVITED: Record<string, string> = {
  invited: "Already invited to the portal",
  active: "Already has portal access",
  revoked: "Portal access was revoked; only staff can give it back",
};

/**
 * "Invite to the portal" from a workflow: a contact who never had access gets the invitation staff
 * would send, opening `next` after sign-in; invited, active and revoked contacts are skipped. A
 * request with a `source` (a workflow's step) is answered with `identity.workflow_action.finished`
 * in the invitation's transaction. A contact of another business is not found (tenant-scoped `em`).
 */
export async function consumeInviteRequests(deps: SubgraphDeps, settings: InviteToPortalSettings): Promise<void> {
  await consume(deps, IDENTITY_CONSUMER, identity.inviteRequested, async (event, em) => {
    const businessId = event.businessId;
    if (!businessId) return;
    const { contactId, next, source } = event.payload;
    const answer = (status: ActionOutcome["status"], reason: string | null) => {
      if (source) publish(em, identity.workflowActionFinished, businessId, { source, status, reason });
    };
    const contact = UUID.test(contactId) ? await em.findOne(Contact, { id: contactId, businessId }) : null;
    if (!contact) return answer("FAILED", "No such contact in this business");
    const skipped = NOT_INVITED[contact.accessStatus];
    if (skipped) return answer("SKIPPED", skipped);
    await sendInvitation(em, settings.links(), businessId, contact.id, next && isSafeNextPath(next) ? next : null);
    answer("DONE", null);
  });
}
