import {
  type Connection,
  type EntityManager,
  findPage,
  findRefs,
  KNOWN_CONTACTS,
  KnownBusiness,
  KnownContact,
  NotFoundError,
  type PageArgs,
  sql,
  ValidationError,
} from "@portal/kit";
import { CourseModuleRow } from "../courses/course.entity.js";
import { CourseStateError } from "../courses/course.errors.js";
import { findCourse } from "../courses/course.service.js";
import { dripOpensAt, later } from "../drip/drip.js";
import { publishAccessGranted, publishLessonUnlocked } from "../events/course-events.js";
import { LessonRow } from "../lessons/lesson.entity.js";
import { isUuid, uuidArray } from "../shared/ids.js";
import type { EnrolmentProgress } from "../shared/views.js";
import { EarlyUnlockRow, EnrolmentRow } from "./enrolment.entity.js";

export interface EnrolOptions {
  inviteToPortal: boolean;
  source?: string | null;
}

/**
 * Enrols contacts of the business in a published course. A new enrolment, or one made active again,
 * sends "course access granted" (and, unless told not to, identity invites a contact without portal
 * access); one already active changes nothing. Enrolling again keeps the student's progress and their
 * first enrolment date (the drip schedule). Contacts are checked as the business's (`contactIds.<i>`).
 */
export async function enrolContacts(
  em: EntityManager,
  courseId: string,
  contactIds: string[],
  options: EnrolOptions,
): Promise<EnrolmentRow[] | ValidationError | NotFoundError | CourseStateError> {
  if (contactIds.length === 0 || contactIds.length > 500) return ValidationError.of("contactIds", "Give 1–500 contacts");
  const refs = Object.fromEntries(contactIds.map((id, index) => [`contactIds.${index}`, [KNOWN_CONTACTS, id] as const]));
  return em.transactional(async (tx) => {
    const course = await findCourse(tx, courseId);
    if (!course) return NotFoundError.of("No such course");
    if (course.status !== "published") return CourseStateError.of("Publish the course before enrolling students");
    const found = await findRefs(tx, refs);
    if (found instanceof ValidationError) return found;
    const business = await tx.findOne(KnownBusiness, { businessId: course.businessId });
    if (!business) return CourseStateError.of("The business's portal address is not known yet; try again in a moment");
    const contacts = [
      ...new Map(Object.values(found).map((contact) => [(contact as KnownContact).contactId, contact as KnownContact])).values(),
    ];
    for (const contact of contacts) {
      const granted = await sql<{ id: string }>(
        tx,
        `insert into courses.enrolment (business_id, course_id, contact_id, source) values (?, ?, ?, ?)
         on conflict (course_id, contact_id) do update set status = 'active', unenrolled_at = null
           where courses.enrolment.status <> 'active' and courses.enrolment.business_id = excluded.business_id
         returning id`,
        [course.businessId, course.id, contact.contactId, options.source ?? null],
      );
      if (granted[0]) await publishAccessGranted(tx, business, contact, course, granted[0].id, options.inviteToPortal);
    }
    return tx.find(EnrolmentRow, { courseId: course.id, contactId: { $in: contacts.map((c) => c.contactId) } }, { refresh: true });
  });
}

/** Hides the course from these students; their progress, attempts and certificate stay for a later enrolment. */
export async function unenrolContacts(
  em: EntityManager,
  courseId: string,
  contactIds: string[],
): Promise<EnrolmentRow[] | ValidationError | NotFoundError> {
  if (contactIds.length === 0 || contactIds.length > 500) return ValidationError.of("contactIds", "Give 1–500 contacts");
  const course = await findCourse(em, courseId);
  if (!course) return NotFoundError.of("No such course");
  const refs = Object.fromEntries(contactIds.map((id, index) => [`contactIds.${index}`, [KNOWN_CONTACTS, id] as const]));
  const found = await findRefs(em, refs);
  if (found instanceof ValidationError) return found;
  await sql(
    em,
    `update courses.enrolment set status = 'unenrolled', unenrolled_at = now()
     where business_id = ? and course_id = ? and contact_id = any(?::uuid[]) and status = 'active'`,
    [course.businessId, course.id, uuidArray(contactIds)],
  );
  return em.find(EnrolmentRow, { courseId: course.id, contactId: { $in: contactIds } }, { refresh: true });
}

/**
 * Opens a module or lesson of the enrolment's course to that student now. What was still locked by
 * its drip schedule is news: the student of a published course gets "new lesson available" for it
 * (a module: one notice, for its first lesson that was locked), and the drip job will not announce
 * those lessons again (their notice rows are written here, in the same transaction).
 */
export async function unlockEarly(
  em: EntityManager,
  staffId: string | null,
  input: { enrolmentId: string; moduleId?: string | null; lessonId?: string | null },
  now = new Date(),
): Promise<EnrolmentRow | ValidationError | NotFoundError> {
  if (!isUuid(input.enrolmentId)) return NotFoundError.of("No such enrolment");
  const enrolment = await em.findOne(EnrolmentRow, { id: input.enrolmentId });
  if (!enrolment) return NotFoundError.of("No such enrolment");
  if (Boolean(input.moduleId) === Boolean(input.lessonId)) return ValidationError.of("moduleId", "Give a module or a lesson");
  let lessons: LessonRow[];
  if (input.moduleId) {
    const module = isUuid(input.moduleId) ? await em.findOne(CourseModuleRow, { id: input.moduleId, courseId: enrolment.courseId }) : null;
    if (!module) return ValidationError.of("moduleId", "No such module in this course");
    lessons = await em.find(LessonRow, { moduleId: module.id }, { orderBy: { position: "asc" } });
  } else {
    const lesson = isUuid(input.lessonId!) ? await em.findOne(LessonRow, { id: input.lessonId!, courseId: enrolment.courseId }) : null;
    if (!lesson) return ValidationError.of("lessonId", "No such lesson in this course");
    lessons = [lesson];
  }
  return em.transactional(async (tx) => {
    await sql(
      tx,
      `insert into courses.early_unlock (business_id, course_id, contact_id, module_id, lesson_id, unlocked_by)
       values (?, ?, ?, ?, ?, ?) on conflict do nothing`,
      [enrolment.businessId, enrolment.courseId, enrolment.contactId, input.moduleId ?? null, input.lessonId ?? null, staffId],
    );
    await announceEarlyUnlock(tx, enrolment, lessons, now);
    return enrolment;
  });
}

/** "New lesson available" for the first of these lessons that its drip schedule still kept from the student. */
async function announceEarlyUnlock(tx: EntityManager, enrolment: EnrolmentRow, lessons: LessonRow[], now: Date): Promise<void> {
  const course = await findCourse(tx, enrolment.courseId);
  if (!course || course.status !== "published" || enrolment.status !== "active") return;
  const modules = new Map(
    (await tx.find(CourseModuleRow, { id: { $in: [...new Set(lessons.map((lesson) => lesson.moduleId))] } })).map((m) => [m.id, m]),
  );
  const locked = lessons.filter((lesson) => {
    const module = modules.get(lesson.moduleId);
    const opensAt = later(module ? dripOpensAt(module, enrolment.enrolledAt) : null, dripOpensAt(lesson, enrolment.enrolledAt));
    return opensAt !== null && opensAt.getTime() > now.getTime();
  });
  if (locked.length === 0) return;
  const business = await tx.findOne(KnownBusiness, { businessId: enrolment.businessId });
  const contact = await tx.findOne(KnownContact, { contactId: enrolment.contactId });
  if (!business || !contact) return;
  const won = await sql<{ lesson_id: string }>(
    tx,
    `insert into courses.drip_notice (business_id, lesson_id, contact_id)
     select ?, unnest(?::uuid[]), ? on conflict do nothing returning lesson_id`,
    [enrolment.businessId, uuidArray(locked.map((lesson) => lesson.id)), enrolment.contactId],
  );
  const first = locked.find((lesson) => won.some((row) => row.lesson_id === lesson.id));
  if (!first) return;
  await publishLessonUnlocked(
    tx,
    business,
    contact,
    { id: first.id, title: first.title, courseId: course.id, courseTitle: course.title },
    now,
  );
}

export async function findEnrolment(em: EntityManager, id: string): Promise<EnrolmentRow | null> {
  return isUuid(id) ? em.findOne(EnrolmentRow, { id }) : null;
}

export interface EnrolmentListArgs extends PageArgs {
  status?: "active" | "unenrolled" | null;
  search?: string | null;
}

/** A course's students, most recently enrolled first; search in their names and emails. */
export async function listEnrolments(em: EntityManager, courseId: string, args: EnrolmentListArgs): Promise<Connection<EnrolmentRow>> {
  const where: Record<string, unknown> = { courseId, status: args.status ?? "active" };
  const search = args.search?.trim();
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, "\\$&")}%`;
    const contacts = await em.find(
      KnownContact,
      { $or: [{ name: { $ilike: pattern } }, { email: { $ilike: pattern } }] },
      { fields: ["contactId"] as never },
    );
    where.contactId = { $in: contacts.map((contact) => contact.contactId) };
  }
  return findPage(em, EnrolmentRow, where, "enrolledAt", args, "desc");
}

/** Completed and total lessons for each enrolment, in one statement for any number of them. */
export async function progressOf(
  em: EntityManager,
  businessId: string,
  enrolments: readonly EnrolmentRow[],
): Promise<Map<string, EnrolmentProgress>> {
  const result = new Map<string, EnrolmentProgress>();
  if (enrolments.length === 0) return result;
  const rows = await sql<{ id: string; total: number; completed: number }>(
    em,
    `select e.id,
       (select count(*) from courses.lesson l where l.course_id = e.course_id and l.business_id = e.business_id)::int as total,
       (select count(*) from courses.lesson_progress p join courses.lesson l on l.id = p.lesson_id
          where p.course_id = e.course_id and p.contact_id = e.contact_id and p.business_id = e.business_id and p.completed_at is not null)::int as completed
     from courses.enrolment e where e.business_id = ? and e.id = any(?::uuid[])`,
    [businessId, uuidArray(enrolments.map((row) => row.id))],
  );
  for (const row of rows) result.set(row.id, { completedLessonCount: Number(row.completed), lessonCount: Number(row.total) });
  return result;
}

export { EarlyUnlockRow };
