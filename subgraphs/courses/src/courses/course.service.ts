import {
  type Caller,
  type Connection,
  decodeCursor,
  encodeCursor,
  type EntityManager,
  NotFoundError,
  type PageArgs,
  pageSize,
  ValidationError,
} from "@portal/kit";
import { EnrolmentRow } from "../enrolment/enrolment.entity.js";
import { LessonRow } from "../lessons/lesson.entity.js";
import { contactIdOf } from "../shared/access.js";
import { isUuid } from "../shared/ids.js";
import { CourseRow } from "./course.entity.js";
import { CourseStateError } from "./course.errors.js";

export interface CourseInput {
  title: string;
  description?: string | null;
  certificateEnabled?: boolean | null;
  requireQuizPass?: boolean | null;
}

function validate(input: CourseInput) {
  const title = input.title.trim();
  if (!title || title.length > 200) return ValidationError.of("title", "Give the course a title of 1–200 characters");
  const description = (input.description ?? "").trim();
  if (description.length > 5000) return ValidationError.of("description", "The description is at most 5000 characters");
  return { title, description, certificateEnabled: input.certificateEnabled ?? false, requireQuizPass: input.requireQuizPass ?? false };
}

export async function findCourse(em: EntityManager, id: string): Promise<CourseRow | null> {
  return isUuid(id) ? em.findOne(CourseRow, { id }) : null;
}

export async function createCourse(em: EntityManager, businessId: string, input: CourseInput): Promise<CourseRow | ValidationError> {
  const valid = validate(input);
  if (valid instanceof ValidationError) return valid;
  const course = em.create(CourseRow, { businessId, ...valid } as CourseRow);
  await em.flush();
  return course;
}

export async function updateCourse(
  em: EntityManager,
  id: string,
  input: CourseInput,
): Promise<CourseRow | ValidationError | NotFoundError> {
  const valid = validate(input);
  if (valid instanceof ValidationError) return valid;
  const course = await findCourse(em, id);
  if (!course) return NotFoundError.of("No such course");
  Object.assign(course, valid, { updatedAt: new Date() });
  await em.flush();
  return course;
}

/** Publishing needs at least one lesson; unpublishing hides the course from its students (enrolments stay). */
export async function setCourseStatus(
  em: EntityManager,
  id: string,
  published: boolean,
): Promise<CourseRow | NotFoundError | CourseStateError> {
  const course = await findCourse(em, id);
  if (!course) return NotFoundError.of("No such course");
  if ((course.status === "published") === published)
    return CourseStateError.of(published ? "The course is already published" : "The course is already a draft");
  if (published && (await em.count(LessonRow, { courseId: id })) === 0)
    return CourseStateError.of("Add at least one lesson before publishing the course");
  course.status = published ? "published" : "draft";
  if (published) course.publishedAt = new Date();
  course.updatedAt = new Date();
  await em.flush();
  return course;
}

/** Only a course nobody was ever enrolled in can be deleted (students' progress and certificates stay otherwise). */
export async function deleteCourse(em: EntityManager, id: string): Promise<string | NotFoundError | CourseStateError> {
  const course = await findCourse(em, id);
  if (!course) return NotFoundError.of("No such course");
  if ((await em.count(EnrolmentRow, { courseId: id })) > 0)
    return CourseStateError.of("Students were enrolled in this course: unpublish it instead of deleting it");
  await em.removeAndFlush(course);
  return id;
}

/** Marks the course changed (its modules or lessons). */
export async function touchCourse(em: EntityManager, courseId: string): Promise<void> {
  await em.nativeUpdate(CourseRow, { id: courseId }, { updatedAt: new Date() });
}

export interface CourseListArgs extends PageArgs {
  status?: "draft" | "published" | null;
  search?: string | null;
  contactId?: string | null;
}

/**
 * Staff: the business's courses (optionally one status, or those a contact is enrolled in); a
 * client: the published courses they are actively enrolled in. By title.
 */
export async function listCourses(em: EntityManager, caller: Caller, args: CourseListArgs): Promise<Connection<CourseRow>> {
  const limit = pageSize(args.first);
  const cursor = decodeCursor(args.after);
  const ownContactId = contactIdOf(caller);
  const where: Record<string, unknown>[] = [];
  const enrolledContact = ownContactId ?? args.contactId ?? null;
  if (enrolledContact) {
    const enrolments = isUuid(enrolledContact) ? await em.find(EnrolmentRow, { contactId: enrolledContact, status: "active" }) : [];
    where.push({ id: { $in: enrolments.map((row) => row.courseId) } });
  }
  if (ownContactId) where.push({ status: "published" });
  else if (args.status) where.push({ status: args.status });
  const search = args.search?.trim();
  if (search) where.push({ title: { $ilike: `%${search.replace(/[\\%_]/g, "\\$&")}%` } });
  const filter = { $and: where.length ? where : [{}] };
  const after = cursor ? { $or: [{ title: { $gt: cursor.sort } }, { title: cursor.sort, id: { $gt: cursor.id } }] } : null;
  const rows = await em.find(CourseRow, after ? { $and: [filter, after] } : filter, {
    orderBy: { title: "asc", id: "asc" },
    limit: limit + 1,
  });
  const totalCount = await em.count(CourseRow, filter);
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ node, cursor: encodeCursor({ sort: node.title, id: node.id }) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
