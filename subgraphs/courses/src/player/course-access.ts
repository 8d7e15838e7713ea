import { type Caller, type EntityManager, isStaffReader, sql } from "@portal/kit";
import type { CourseModuleRow, CourseRow } from "../courses/course.entity.js";
import type { EnrolmentRow } from "../enrolment/enrolment.entity.js";
import { LessonRow } from "../lessons/lesson.entity.js";
import { contactIdOf } from "../shared/access.js";
import { isUuid } from "../shared/ids.js";
import { type CourseTree, type Learner, type PlayerState, playerState } from "./player-state.js";

/** A course as the caller may see it: staff (no learner) or an actively enrolled client of a published course. */
export interface CourseAccess {
  tree: CourseTree;
  staff: boolean;
  enrolment: EnrolmentRow | null;
  learner: Learner | null;
  state: PlayerState;
}

interface TreeRow {
  course: Record<string, unknown>;
  modules: Record<string, unknown>[];
  lessons: Record<string, unknown>[];
}

const camel = (key: string) => key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
const DATES = new Set([
  "publishedAt",
  "createdAt",
  "updatedAt",
  "dripDate",
  "enrolledAt",
  "unenrolledAt",
  "startedAt",
  "lastActivityAt",
  "completedAt",
]);

/** A JSON row from PostgreSQL as the entity's plain shape: camelCase keys, dates as Dates. */
function plain<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const name = camel(key);
    out[name] = DATES.has(name) && typeof value === "string" ? new Date(value) : value;
  }
  return out as T;
}

/**
 * The course with its modules and lessons in course order, in one statement whatever its size. Lessons
 * come without their text (the outline never needs it); `lessonContent` reads the one lesson shown.
 */
export async function loadCourseTree(em: EntityManager, businessId: string, courseId: string): Promise<CourseTree | null> {
  if (!isUuid(courseId)) return null;
  const [row] = await sql<TreeRow>(
    em,
    `select row_to_json(c) as course,
       (select coalesce(json_agg(m order by m.position, m.id), '[]') from (
          select id, business_id, course_id, title, position, drip_kind, drip_days, drip_date, created_at
          from courses.course_module where course_id = c.id and business_id = c.business_id) m) as modules,
       (select coalesce(json_agg(l order by mp.position, l.position, l.id), '[]') from (
          select id, business_id, course_id, module_id, title, kind, position, drip_kind, drip_days, drip_date, video_url, video_provider,
                 pass_mark_percent, retries_allowed, created_at, updated_at
          from courses.lesson where course_id = c.id and business_id = c.business_id) l
          join courses.course_module mp on mp.id = l.module_id) as lessons
     from (select id, business_id, title, description, status, certificate_enabled, require_quiz_pass, cover_file_id, published_at, created_at, updated_at
           from courses.course where id = ? and business_id = ?) c`,
    [courseId, businessId],
  );
  if (!row) return null;
  return {
    course: plain<CourseRow>(row.course),
    modules: row.modules.map((module) => plain<CourseModuleRow>(module)),
    lessons: row.lessons.map((lesson) => plain<LessonRow>(lesson)),
  };
}

interface LearnerRow extends Record<string, unknown> {
  completed: [string, string][];
  unlocked: string[];
}

/** A student's enrolment with their completions and early unlocks in a course: one statement. */
export async function loadEnrolledLearner(
  em: EntityManager,
  businessId: string,
  courseId: string,
  contactId: string,
): Promise<{ enrolment: EnrolmentRow; learner: Learner } | null> {
  const [row] = await sql<LearnerRow>(
    em,
    `select e.id, e.business_id, e.course_id, e.contact_id, e.status, e.enrolled_at, e.unenrolled_at, e.started_at, e.last_activity_at,
            e.last_lesson_id, e.completed_at, e.source,
            (select coalesce(json_agg(json_build_array(p.lesson_id, p.completed_at)), '[]') from courses.lesson_progress p
              where p.course_id = e.course_id and p.contact_id = e.contact_id and p.business_id = e.business_id and p.completed_at is not null) as completed,
            (select coalesce(json_agg(coalesce(u.module_id, u.lesson_id)), '[]') from courses.early_unlock u
              where u.course_id = e.course_id and u.contact_id = e.contact_id and u.business_id = e.business_id) as unlocked
     from courses.enrolment e where e.course_id = ? and e.contact_id = ? and e.business_id = ?`,
    [courseId, contactId, businessId],
  );
  if (!row) return null;
  const { completed, unlocked, ...rest } = row;
  const enrolment = plain<EnrolmentRow>(rest);
  return {
    enrolment,
    learner: {
      contactId,
      enrolledAt: enrolment.enrolledAt,
      lastLessonId: enrolment.lastLessonId,
      completed: new Map(completed.map(([lessonId, at]) => [lessonId, new Date(at)])),
      unlocked: new Set(unlocked),
    },
  };
}

/**
 * The course for this caller, or null when they may not see it (another business's, a draft for a
 * client, a course the client is not actively enrolled in, anyone else). Staff and READ keys see
 * every course of their business with nothing locked.
 */
export async function loadCourseAccess(
  em: EntityManager,
  caller: Caller,
  courseId: string,
  now = new Date(),
): Promise<CourseAccess | null> {
  const staff = isStaffReader(caller);
  const contactId = contactIdOf(caller);
  if (!staff && !contactId) return null;
  const businessId = caller.businessId!;
  if (staff) {
    const tree = await loadCourseTree(em, businessId, courseId);
    return tree ? { tree, staff, enrolment: null, learner: null, state: playerState(tree, null, now) } : null;
  }
  // A client: the enrolment first (a stranger's look-up costs one statement), then the course.
  if (!isUuid(courseId)) return null;
  const enrolled = await loadEnrolledLearner(em, businessId, courseId, contactId!);
  if (enrolled?.enrolment.status !== "active") return null;
  const tree = await loadCourseTree(em, businessId, courseId);
  if (tree?.course.status !== "published") return null;
  return { tree, staff, enrolment: enrolled.enrolment, learner: enrolled.learner, state: playerState(tree, enrolled.learner, now) };
}

const cache = new WeakMap<object, Map<string, Promise<CourseAccess | null>>>();

/** `loadCourseAccess` once per request and course (the player's outline asks for many fields of one course). */
export function courseAccessFor(ctx: { em: EntityManager; caller: Caller }, courseId: string): Promise<CourseAccess | null> {
  let byCourse = cache.get(ctx);
  if (!byCourse) {
    byCourse = new Map();
    cache.set(ctx, byCourse);
  }
  let found = byCourse.get(courseId);
  if (!found) {
    found = loadCourseAccess(ctx.em, ctx.caller, courseId);
    byCourse.set(courseId, found);
  }
  return found;
}

/** After a change in this request, the next read of the course loads it afresh. */
export function forgetCourseAccess(ctx: object, courseId: string): void {
  cache.get(ctx)?.delete(courseId);
}

/** The course of a lesson (one statement), for lookups by lesson id. */
export async function courseIdOfLesson(em: EntityManager, lessonId: string): Promise<string | null> {
  if (!isUuid(lessonId)) return null;
  const lesson = await em.findOne(LessonRow, { id: lessonId }, { fields: ["id", "courseId"] as never });
  return lesson?.courseId ?? null;
}
