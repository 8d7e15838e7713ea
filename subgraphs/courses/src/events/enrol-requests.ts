import { courses } from "@portal/contracts";
import { consume, type ConsumerOf, type SubgraphDeps, ValidationError } from "@portal/kit";
import { enrolContacts } from "../enrolment/enrolment.service.js";

/** Courses' consumer of other subgraphs' events: its processed markers live in its own schema. */
export const COURSES_CONSUMER: ConsumerOf = { schema: "courses", name: "courses" };

/**
 * "Enrol contact in course" from another section's workflow or order form (course purchased →
 * enrol). The event's business scopes everything: a course or contact of another business is not
 * found and nothing happens; a contact identity has not told us about yet is retried until its
 * snapshot arrives (as is a business whose portal address is not known yet).
 */
export async function consumeEnrolmentRequests(deps: SubgraphDeps): Promise<void> {
  await consume(deps, COURSES_CONSUMER, courses.enrolmentRequested, async (event, em) => {
    if (!event.businessId) return;
    const { courseId, contactId, inviteToPortal, source } = event.payload;
    const outcome = await enrolContacts(em, courseId, [contactId], {
      inviteToPortal: inviteToPortal !== false,
      source: source ?? `event:${event.eventId}`,
    });
    if (Array.isArray(outcome)) return;
    if (outcome instanceof ValidationError) throw new Error(`Contact ${contactId} is not known yet`);
    if (outcome.message.includes("not known yet")) throw new Error(outcome.message);
    console.warn(`[courses] ignored ${event.type} for course ${courseId}: ${outcome.message}`);
  });
}
