import { type ActionOutcome, communities } from "@portal/contracts";
import { consume, type ConsumerOf, type EntityManager, publish, type SubgraphDeps } from "@portal/kit";
import { addMembers } from "../members/member.service.js";

/** Communities' consumer of other subgraphs' events: its processed markers live in its own schema. */
export const COMMUNITIES_CONSUMER: ConsumerOf = { schema: "communities", name: "communities" };

/**
 * A workflow's step (a request with a `source`) hears what became of it through
 * `communities.workflow_action.finished`, written in the change's transaction.
 */
export function answerWorkflow(em: EntityManager, businessId: string, source: string | undefined) {
  return (status: ActionOutcome["status"], reason: string | null) => {
    if (source) publish(em, communities.workflowActionFinished, businessId, { source, status, reason });
  };
}

/**
 * "Add contact to group" from another section's workflow (purchase → add to community). The event's
 * business scopes everything: a group or contact of another business is not found and nothing
 * happens; a contact identity has not told us about yet is retried until its snapshot arrives.
 */
export async function consumeAddMemberRequests(deps: SubgraphDeps): Promise<void> {
  await consume(deps, COMMUNITIES_CONSUMER, communities.memberAddRequested, async (event, em) => {
    const businessId = event.businessId;
    if (!businessId) return;
    const answer = answerWorkflow(em, businessId, event.payload.source);
    const outcome = await addMembers(em, event.payload.groupId, [event.payload.contactId], event.payload.inviteToPortal !== false);
    if ("added" in outcome)
      return answer(outcome.added.length ? "DONE" : "SKIPPED", outcome.added.length ? null : "Already a member of the group");
    if (outcome.message.startsWith("No such contact")) throw new Error(`Contact ${event.payload.contactId} is not known yet`);
    console.warn(`[communities] ignored ${event.type} for group ${event.payload.groupId}: ${outcome.message}`);
    answer("FAILED", outcome.message === "No such group" ? "No such group in this business" : outcome.message);
  });
}
