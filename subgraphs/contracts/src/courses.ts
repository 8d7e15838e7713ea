import { z } from "zod";
import { defineEvent } from "./contract.js";
import { ActionOutcome } from "./workflows.js";
import { id, link, Recipient, reference } from "./shared.js";

/**
 * "Enrol contact in course": a workflow or order form of another section (course purchased →
 * enrol) asks courses to enrol a contact. Courses consumes it: a contact or course of another
 * business, or a draft course, changes nothing; an enrolment that exists is made active again.
 */
export const enrolmentRequested = defineEvent({
  name: "courses.enrolment.requested",
  producer: "automation",
  version: 1,
  description: "A workflow or order form asks courses to enrol a contact in a course (e.g. course purchased → enrol).",
  payload: z.object({
    courseId: id,
    contactId: id,
    /** Invite a contact without portal access to the portal; absent means yes. */
    inviteToPortal: z.boolean().optional(),
    /** What asked for it, for the record, e.g. `workflow:<id>` or `order:<id>`. */
    source: z.string().max(200).optional(),
  }),
});

export const accessGranted = defineEvent({
  name: "courses.access.granted",
  producer: "courses",
  version: 1,
  description:
    "A contact was enrolled in a published course (or enrolled again): automation sends COURSE_ACCESS_GRANTED, identity invites them to the portal unless told not to.",
  payload: z.object({
    courseId: id,
    courseTitle: z.string(),
    enrolmentId: id,
    contactId: id,
    /** Staff's "invite to the portal" choice; absent means yes. */
    inviteToPortal: z.boolean().optional(),
    recipient: Recipient,
    /** The course player, on the business's configured portal: `<portalUrl>/courses/<courseId>`. */
    link,
    /** `course_enrolment:<enrolmentId>`. */
    reference,
  }),
});

export const lessonUnlocked = defineEvent({
  name: "courses.lesson.unlocked",
  producer: "courses",
  version: 1,
  description: "A dripped lesson opened for a student (once per student and lesson): automation sends NEW_LESSON_AVAILABLE.",
  payload: z.object({
    courseId: id,
    courseTitle: z.string(),
    lessonId: id,
    lessonTitle: z.string(),
    contactId: id,
    /** When it opened by its drip schedule. */
    unlockedAt: z.string().datetime(),
    recipient: Recipient,
    /** The lesson in the course player: `<portalUrl>/courses/<courseId>/lessons/<lessonId>`. */
    link,
    /** `course_lesson:<lessonId>`. */
    reference,
  }),
});

export const courseCompleted = defineEvent({
  name: "courses.course.completed",
  producer: "courses",
  version: 1,
  description: "A student completed every lesson of a course (once per student and course), for workflows (e.g. completed → tag, offer).",
  payload: z.object({
    courseId: id,
    courseTitle: z.string(),
    enrolmentId: id,
    contactId: id,
    completedAt: z.string().datetime(),
    /** The certificate's verification code when the course issues certificates, else null. */
    certificateCode: z.string().nullable(),
  }),
});

export const workflowActionFinished = defineEvent({
  name: "courses.workflow_action.finished",
  producer: "courses",
  version: 1,
  description: "Courses carried out (or skipped, or could not carry out) a workflow's action: enrol in a course. Automation's run goes on.",
  payload: ActionOutcome,
});
