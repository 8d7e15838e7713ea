import { courses } from "@portal/contracts";
import { type EntityManager, type KnownBusiness, type KnownContact, publish } from "@portal/kit";

const base = (business: KnownBusiness) => business.portalUrl.replace(/\/$/, "");
const recipientOf = (contact: KnownContact) => ({
  email: contact.email,
  name: contact.name,
  firstName: contact.firstName,
  dnd: contact.dnd,
});

/** The player's address on the business's configured portal (links never come from a request). */
export const coursePath = (courseId: string) => `/courses/${courseId}`;
export const lessonPath = (courseId: string, lessonId: string) => `/courses/${courseId}/lessons/${lessonId}`;

export async function publishAccessGranted(
  em: EntityManager,
  business: KnownBusiness,
  contact: KnownContact,
  course: { id: string; title: string },
  enrolmentId: string,
  inviteToPortal: boolean,
): Promise<void> {
  await publish(em, courses.accessGranted, business.businessId, {
    courseId: course.id,
    courseTitle: course.title,
    enrolmentId,
    contactId: contact.contactId,
    inviteToPortal,
    recipient: recipientOf(contact),
    link: `${base(business)}${coursePath(course.id)}`,
    reference: `course_enrolment:${enrolmentId}`,
  });
}

export async function publishLessonUnlocked(
  em: EntityManager,
  business: KnownBusiness,
  contact: KnownContact,
  lesson: { id: string; title: string; courseId: string; courseTitle: string },
  unlockedAt: Date,
): Promise<void> {
  await publish(em, courses.lessonUnlocked, business.businessId, {
    courseId: lesson.courseId,
    courseTitle: lesson.courseTitle,
    lessonId: lesson.id,
    lessonTitle: lesson.title,
    contactId: contact.contactId,
    unlockedAt: unlockedAt.toISOString(),
    recipient: recipientOf(contact),
    link: `${base(business)}${lessonPath(lesson.courseId, lesson.id)}`,
    reference: `course_lesson:${lesson.id}`,
  });
}

export async function publishCourseCompleted(
  em: EntityManager,
  businessId: string,
  completion: {
    courseId: string;
    courseTitle: string;
    enrolmentId: string;
    contactId: string;
    completedAt: Date;
    certificateCode: string | null;
  },
): Promise<void> {
  await publish(em, courses.courseCompleted, businessId, { ...completion, completedAt: completion.completedAt.toISOString() });
}
