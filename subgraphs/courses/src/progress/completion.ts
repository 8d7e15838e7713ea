import { randomBytes } from "node:crypto";
import { type EntityManager, KnownContact, sql } from "@portal/kit";
import type { CourseRow } from "../courses/course.entity.js";
import type { EnrolmentRow } from "../enrolment/enrolment.entity.js";
import { publishCourseCompleted } from "../events/course-events.js";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: codes are read off paper

/** A verification code: 12 random characters in three groups, e.g. `K7QH-2MPX-9RTA` (60 bits). */
export function newCertificateCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((byte) => ALPHABET[byte % ALPHABET.length]!);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4, 8).join("")}-${chars.slice(8).join("")}`;
}

/**
 * Locks the student's enrolment for the rest of the transaction, so that progress writes of one
 * student in one course happen one after another: two lessons completed at once cannot both miss the
 * course's completion, and one lesson completed twice at once counts once.
 */
export async function lockEnrolment(em: EntityManager, enrolment: EnrolmentRow): Promise<void> {
  await sql(em, `select id from courses.enrolment where id = ? and business_id = ? for update`, [enrolment.id, enrolment.businessId]);
}

/** Sets the lesson complete unless it already was; true only for the call that completed it. */
export async function completeLesson(em: EntityManager, enrolment: EnrolmentRow, lessonId: string): Promise<boolean> {
  const rows = await sql<{ id: string }>(
    em,
    `update courses.lesson_progress set completed_at = now()
     where business_id = ? and lesson_id = ? and contact_id = ? and completed_at is null returning id`,
    [enrolment.businessId, lessonId, enrolment.contactId],
  );
  return rows.length === 1;
}

/**
 * Once every lesson of the course is complete, completes the enrolment (once: `completed_at` is set
 * only while null), issues the certificate when the course has them (once per student and course)
 * and publishes `courses.course.completed`. Runs under `lockEnrolment`.
 */
export async function completeCourseIfDone(em: EntityManager, course: CourseRow, enrolment: EnrolmentRow): Promise<boolean> {
  const [counts] = await sql<{ total: number; done: number }>(
    em,
    `select (select count(*) from courses.lesson where course_id = ? and business_id = ?)::int as total,
            (select count(*) from courses.lesson_progress p join courses.lesson l on l.id = p.lesson_id
              where p.course_id = ? and p.contact_id = ? and p.business_id = ? and p.completed_at is not null)::int as done`,
    [course.id, course.businessId, course.id, enrolment.contactId, course.businessId],
  );
  if (!counts || Number(counts.total) === 0 || Number(counts.done) < Number(counts.total)) return false;
  const [completed] = await sql<{ completed_at: Date }>(
    em,
    `update courses.enrolment set completed_at = now() where id = ? and business_id = ? and completed_at is null returning completed_at`,
    [enrolment.id, enrolment.businessId],
  );
  if (!completed) return false;
  let certificateCode: string | null = null;
  if (course.certificateEnabled)
    certificateCode = await issueCertificate(em, course, enrolment.contactId, new Date(completed.completed_at));
  await publishCourseCompleted(em, course.businessId, {
    courseId: course.id,
    courseTitle: course.title,
    enrolmentId: enrolment.id,
    contactId: enrolment.contactId,
    completedAt: new Date(completed.completed_at),
    certificateCode,
  });
  return true;
}

/** One certificate per student and course: a second call returns the first one's code. */
export async function issueCertificate(em: EntityManager, course: CourseRow, contactId: string, issuedAt: Date): Promise<string> {
  const contact = await em.findOne(KnownContact, { contactId });
  const [row] = await sql<{ code: string }>(
    em,
    `with issued as (
       insert into courses.certificate (business_id, course_id, contact_id, code, student_name, course_title, issued_at)
       values (?, ?, ?, ?, ?, ?, ?) on conflict (course_id, contact_id) do nothing returning code
     )
     select code from issued union all
     select code from courses.certificate where course_id = ? and contact_id = ? and business_id = ?`,
    [
      course.businessId,
      course.id,
      contactId,
      newCertificateCode(),
      contact?.name ?? "Student",
      course.title,
      issuedAt,
      course.id,
      contactId,
      course.businessId,
    ],
  );
  return row!.code;
}
