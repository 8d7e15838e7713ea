import { type ActionOutcome, courses } from "@portal/contracts";
import { consume, type ConsumerOf, type EntityManager, publish, type SubgraphDeps, ValidationError } from "@portal/kit";
import { EnrolmentRow } from "../enrolment/enrolment.entity.js";
import { enrolContacts } from "../enrolment/enrolment.service.js";
import { isUuid } from "../shared/ids.js";

/** Courses' consumer of other subgraphs' events: its processed markers live in its own schema. */
export const COURSES_CONSUMER: ConsumerOf = { schema: "courses", name: "courses" };

/**
 * "Enrol contact in course" from another section's workflow or order form (course purchased →
 * enrol). The event's business scopes everything: a course or contact of another business is not
 * found and nothing happens; a contact identity has not told us about yet is retried until its
 * snapshot arrives (as is a business whose portal address is not known yet). A request with a
 * `source` (a workflow's step) is answered with `courses.workflow_action.finished`, in the same
 * transaction as the enrolment, so the workflow's run goes on.
 */
export async function consumeEnrolmentRequests(deps: SubgraphDeps): Promise<void> {
  await consume(deps, COURSES_CONSUMER, courses.enrolmentRequested, async (event, em) => {
    const businessId = event.businessId;
    if (!businessId) return;
    const { courseId, contactId, inviteToPortal, source } = event.payload;
    const answer = (status: ActionOutcome["status"], reason: string | null) => {
      if (source) publish(em, courses.workflowActionFinished, businessId, { source, status, reason });
    };
    const alreadyActive = await isActiveStudent(em, courseId, contactId);
    const outcome = await enrolContacts(em, courseId, [contactId], {
      inviteToPortal: inviteToPortal !== false,
      source: source ?? `event:${event.eventId}`,
    });
    if (Array.isArray(outcome)) return answer(alreadyActive ? "SKIPPED" : "DONE", alreadyActive ? "Already enrolled in the course" : null);
    if (outcome instanceof ValidationError) throw new Error(`Contact ${contactId} is not known yet`);
    if (outcome.message.includes("not known yet")) throw new Error(outcome.message);
    console.warn(`[courses] ignored ${event.type} for course ${courseId}: ${outcome.message}`);
    answer("FAILED", outcome.message.startsWith("No such course") ? "No such course in this business" : outcome.message);
  });
}

async function isActiveStudent(em: EntityManager, courseId: string, contactId: string): Promise<boolean> {
  if (!isUuid(courseId) || !isUuid(contactId)) return false;
  return (await em.count(EnrolmentRow, { courseId, contactId, status: "active" })) > 0;
}
