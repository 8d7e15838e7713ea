import { courses } from "@portal/contracts";
import { consume, type SubgraphDeps } from "@portal/kit";
import { requestCourseEmail } from "../courses/course-email.service.js";
import type { DeliverySettings } from "../delivery/enqueue-email.js";
import { recordUndeliveredEmails, unreadableEvent } from "../delivery/undelivered-email.js";
import { NotificationTemplateKey } from "../templates/template-key.js";
import { AUTOMATION_CONSUMER } from "./consumer.js";

/** Course emails: access granted and a dripped lesson opened; one that never succeeds is logged FAILED. */
export async function consumeCoursesEvents(deps: SubgraphDeps, settings: DeliverySettings): Promise<void> {
  for (const [contract, key] of [
    [courses.accessGranted, NotificationTemplateKey.COURSE_ACCESS_GRANTED],
    [courses.lessonUnlocked, NotificationTemplateKey.NEW_LESSON_AVAILABLE],
  ] as const) {
    await consume(deps, AUTOMATION_CONSUMER, contract, (event, em) => requestCourseEmail(em, settings, event, key), {
      async onDeadLetter(event, letter, em) {
        if (!event) return recordUndeliveredEmails(em, letter, [unreadableEvent(key)]);
        const { recipient, courseTitle, reference } = event.payload;
        recordUndeliveredEmails(em, letter, [{ recipient: recipient.email, template: key, subject: courseTitle, reference }]);
      },
    });
  }
}
