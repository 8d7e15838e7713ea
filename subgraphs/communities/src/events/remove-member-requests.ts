import { communities } from "@portal/contracts";
import { consume, NotFoundError, type SubgraphDeps } from "@portal/kit";
import { findGroup } from "../groups/group.service.js";
import { removeMember } from "../members/member.service.js";
import { isUuid } from "../shared/ids.js";
import { answerWorkflow, COMMUNITIES_CONSUMER } from "./add-member-requests.js";

/**
 * "Remove contact from group" from a workflow: the membership ends as when staff remove a member
 * (the contact's open feed subscriptions end at once). A group of another business is not found;
 * a contact who is not a member is skipped.
 */
export async function consumeRemoveMemberRequests(deps: SubgraphDeps): Promise<void> {
  await consume(deps, COMMUNITIES_CONSUMER, communities.memberRemoveRequested, async (event, em) => {
    const businessId = event.businessId;
    if (!businessId) return;
    const { groupId, contactId, source } = event.payload;
    const answer = answerWorkflow(em, businessId, source);
    const group = isUuid(groupId) ? await findGroup(em, groupId) : null;
    if (!group) return answer("FAILED", "No such group in this business");
    const outcome = await removeMember(em, groupId, contactId);
    if (outcome instanceof NotFoundError) return answer("SKIPPED", "Not a member of the group");
    answer("DONE", null);
  });
}
