import { type EntityManager, NotFoundError, sql, ValidationError } from "@portal/kit";
import { LessonRow } from "../lessons/lesson.entity.js";
import { type DripInput, validateDrip } from "../drip/drip-input.js";
import { isUuid } from "../shared/ids.js";
import { CourseModuleRow, type CourseRow } from "./course.entity.js";
import { findCourse, touchCourse } from "./course.service.js";

export interface ModuleInput {
  title: string;
  drip?: DripInput | null;
}

function validate(input: ModuleInput) {
  const title = input.title.trim();
  if (!title || title.length > 200) return ValidationError.of("title", "Give the module a title of 1–200 characters");
  const drip = validateDrip(input.drip, "drip");
  if (drip instanceof ValidationError) return drip;
  return { title, ...drip };
}

export async function findModule(em: EntityManager, id: string): Promise<CourseModuleRow | null> {
  return isUuid(id) ? em.findOne(CourseModuleRow, { id }) : null;
}

export async function createModule(
  em: EntityManager,
  courseId: string,
  input: ModuleInput,
): Promise<{ module: CourseModuleRow; course: CourseRow } | ValidationError | NotFoundError> {
  const valid = validate(input);
  if (valid instanceof ValidationError) return valid;
  return em.transactional(async (tx) => {
    const course = await findCourse(tx, courseId);
    if (!course) return NotFoundError.of("No such course");
    // The course row is locked so two modules added at once get different positions.
    await sql(tx, `select id from courses.course where id = ? and business_id = ? for update`, [course.id, course.businessId]);
    const [{ next }] = (await sql<{ next: number }>(
      tx,
      `select coalesce(max(position), 0) + 1 as next from courses.course_module where course_id = ? and business_id = ?`,
      [course.id, course.businessId],
    )) as [{ next: number }];
    const module = tx.create(CourseModuleRow, {
      businessId: course.businessId,
      courseId: course.id,
      position: Number(next),
      ...valid,
    } as CourseModuleRow);
    course.updatedAt = new Date();
    await tx.flush();
    return { module, course };
  });
}

export async function updateModule(
  em: EntityManager,
  id: string,
  input: ModuleInput,
): Promise<{ module: CourseModuleRow; course: CourseRow } | ValidationError | NotFoundError> {
  const valid = validate(input);
  if (valid instanceof ValidationError) return valid;
  const module = await findModule(em, id);
  if (!module) return NotFoundError.of("No such module");
  Object.assign(module, valid);
  const course = (await findCourse(em, module.courseId))!;
  course.updatedAt = new Date();
  await em.flush();
  return { module, course };
}

/** Deletes a module with its lessons (and students' progress in them); the others close ranks. */
export async function deleteModule(em: EntityManager, id: string): Promise<CourseRow | NotFoundError> {
  return em.transactional(async (tx) => {
    const module = await findModule(tx, id);
    if (!module) return NotFoundError.of("No such module");
    const courseId = module.courseId;
    await tx.nativeDelete(CourseModuleRow, { id: module.id });
    await renumber(tx, module.businessId, "course_module", "course_id", courseId);
    await touchCourse(tx, courseId);
    return (await findCourse(tx, courseId))!;
  });
}

/** Puts the course's modules in the order given: every module of the course, once. */
export async function reorderModules(
  em: EntityManager,
  courseId: string,
  moduleIds: string[],
): Promise<CourseRow | ValidationError | NotFoundError> {
  return em.transactional(async (tx) => {
    const course = await findCourse(tx, courseId);
    if (!course) return NotFoundError.of("No such course");
    const modules = await tx.find(CourseModuleRow, { courseId });
    const ids = new Set(modules.map((module) => module.id));
    if (moduleIds.length !== ids.size || new Set(moduleIds).size !== moduleIds.length || moduleIds.some((moduleId) => !ids.has(moduleId)))
      return ValidationError.of("moduleIds", "Give every module of the course exactly once");
    const place = new Map(moduleIds.map((moduleId, index) => [moduleId, index + 1]));
    for (const module of modules) module.position = place.get(module.id)!;
    course.updatedAt = new Date();
    await tx.flush();
    return course;
  });
}

/** Positions 1..n again after a deletion, in the current order. */
export async function renumber(
  em: EntityManager,
  businessId: string,
  table: "course_module" | "lesson",
  parentColumn: string,
  parentId: string,
) {
  await sql(
    em,
    `update courses.${table} t set position = o.place from (
       select id, row_number() over (order by position, id) as place from courses.${table} where ${parentColumn} = ? and business_id = ?
     ) o where t.id = o.id and t.business_id = ?`,
    [parentId, businessId, businessId],
  );
}

export async function lessonsOfModule(em: EntityManager, moduleId: string): Promise<LessonRow[]> {
  return em.find(LessonRow, { moduleId }, { orderBy: { position: "asc" }, refresh: true });
}
