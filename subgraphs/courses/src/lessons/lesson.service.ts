import { randomUUID } from "node:crypto";
import { type EntityManager, NotFoundError, sql, ValidationError } from "@portal/kit";
import { CourseModuleRow } from "../courses/course.entity.js";
import { findCourse, touchCourse } from "../courses/course.service.js";
import { findModule, renumber } from "../courses/module.service.js";
import { type DripInput, validateDrip } from "../drip/drip-input.js";
import { QuizQuestionRow } from "../quizzes/quiz.entity.js";
import type { LessonKindValue, QuestionKindValue } from "../shared/enums.js";
import { isUuid } from "../shared/ids.js";
import { CourseFileRow, LessonRow } from "./lesson.entity.js";
import { MAX_BODY_LENGTH, renderLessonMarkdown } from "./markdown.js";
import { parseVideoUrl } from "./video-url.js";

export interface QuizQuestionInput {
  prompt: string;
  kind: string;
  options: { text: string; correct: boolean }[];
}

export interface LessonInput {
  title: string;
  kind: string;
  body?: string | null;
  video?: { url: string } | null;
  quiz?: { passMarkPercent: number; retriesAllowed: boolean; questions: QuizQuestionInput[] } | null;
  drip?: DripInput | null;
}

interface ValidLesson {
  fields: Partial<LessonRow>;
  questions: Omit<QuizQuestionRow, "id" | "businessId" | "lessonId">[] | null;
}

/** Checks a lesson and everything its kind needs; a ValidationError names the first wrong field. */
export function validateLesson(input: LessonInput): ValidLesson | ValidationError {
  const title = input.title.trim();
  if (!title || title.length > 200) return ValidationError.of("title", "Give the lesson a title of 1–200 characters");
  const kind = input.kind.toLowerCase() as LessonKindValue;
  const body = input.body ?? "";
  if (body.length > MAX_BODY_LENGTH) return ValidationError.of("body", "The text is at most 100,000 characters");
  const drip = validateDrip(input.drip, "drip");
  if (drip instanceof ValidationError) return drip;
  const fields: Partial<LessonRow> = {
    title,
    kind,
    body,
    bodyHtml: renderLessonMarkdown(body),
    ...drip,
    videoUrl: null,
    videoProvider: null,
  };
  if (kind === "text" && !body.trim()) return ValidationError.of("body", "Write the lesson's text");
  if (kind === "video") {
    const parsed = input.video ? parseVideoUrl(input.video.url) : null;
    if (!parsed)
      return ValidationError.of("video.url", "Give an https link to an MP4 file, an HLS stream (.m3u8), or a YouTube or Vimeo video");
    fields.videoUrl = parsed.url;
    fields.videoProvider = parsed.provider;
  }
  if (kind !== "quiz") return { fields, questions: null };
  const quiz = input.quiz;
  if (!quiz) return ValidationError.of("quiz", "Give the quiz's questions and pass mark");
  if (!Number.isInteger(quiz.passMarkPercent) || quiz.passMarkPercent < 0 || quiz.passMarkPercent > 100)
    return ValidationError.of("quiz.passMarkPercent", "The pass mark is 0–100 percent");
  if (quiz.questions.length < 1 || quiz.questions.length > 100) return ValidationError.of("quiz.questions", "Give 1–100 questions");
  const questions: ValidLesson["questions"] = [];
  for (const [index, question] of quiz.questions.entries()) {
    const at = `quiz.questions.${index}`;
    const prompt = question.prompt.trim();
    if (!prompt || prompt.length > 1000) return ValidationError.of(`${at}.prompt`, "Write the question (1–1000 characters)");
    if (question.options.length < 2 || question.options.length > 10) return ValidationError.of(`${at}.options`, "Give 2–10 options");
    const options = question.options.map((option) => ({ id: randomUUID(), text: option.text.trim(), correct: option.correct }));
    const emptyOption = options.findIndex((option) => !option.text || option.text.length > 500);
    if (emptyOption >= 0) return ValidationError.of(`${at}.options.${emptyOption}.text`, "Write the option (1–500 characters)");
    const questionKind: QuestionKindValue = question.kind === "MULTIPLE_CHOICE" ? "multiple" : "single";
    const correct = options.filter((option) => option.correct).map((option) => option.id);
    if (questionKind === "single" && correct.length !== 1) return ValidationError.of(`${at}.options`, "Mark exactly one option as right");
    if (questionKind === "multiple" && correct.length < 1) return ValidationError.of(`${at}.options`, "Mark at least one option as right");
    questions.push({
      position: index + 1,
      prompt,
      kind: questionKind,
      options: options.map(({ id, text }) => ({ id, text })),
      correctOptionIds: correct,
    });
  }
  fields.passMarkPercent = quiz.passMarkPercent;
  fields.retriesAllowed = quiz.retriesAllowed;
  return { fields, questions };
}

export async function findLesson(em: EntityManager, id: string): Promise<LessonRow | null> {
  return isUuid(id) ? em.findOne(LessonRow, { id }) : null;
}

async function replaceQuestions(em: EntityManager, lesson: LessonRow, questions: ValidLesson["questions"]): Promise<void> {
  await em.nativeDelete(QuizQuestionRow, { lessonId: lesson.id });
  for (const question of questions ?? [])
    em.create(QuizQuestionRow, { ...question, businessId: lesson.businessId, lessonId: lesson.id } as QuizQuestionRow);
}

export async function createLesson(
  em: EntityManager,
  moduleId: string,
  input: LessonInput,
): Promise<LessonRow | ValidationError | NotFoundError> {
  const valid = validateLesson(input);
  if (valid instanceof ValidationError) return valid;
  return em.transactional(async (tx) => {
    const module = await findModule(tx, moduleId);
    if (!module) return NotFoundError.of("No such module");
    await sql(tx, `select id from courses.course_module where id = ? and business_id = ? for update`, [module.id, module.businessId]);
    const [row] = await sql<{ next: number }>(
      tx,
      `select coalesce(max(position), 0) + 1 as next from courses.lesson where module_id = ? and business_id = ?`,
      [module.id, module.businessId],
    );
    const lesson = tx.create(LessonRow, {
      ...valid.fields,
      businessId: module.businessId,
      courseId: module.courseId,
      moduleId: module.id,
      position: Number(row!.next),
    } as LessonRow);
    await tx.flush();
    await replaceQuestions(tx, lesson, valid.questions);
    await tx.flush();
    await touchCourse(tx, module.courseId);
    return lesson;
  });
}

/** Replaces the lesson's fields; a quiz's questions are replaced as a whole (attempts keep their scores). */
export async function updateLesson(
  em: EntityManager,
  id: string,
  input: LessonInput,
): Promise<LessonRow | ValidationError | NotFoundError> {
  const valid = validateLesson(input);
  if (valid instanceof ValidationError) return valid;
  return em.transactional(async (tx) => {
    const lesson = await findLesson(tx, id);
    if (!lesson) return NotFoundError.of("No such lesson");
    Object.assign(lesson, valid.fields, { updatedAt: new Date() });
    await tx.flush();
    if (valid.questions) await replaceQuestions(tx, lesson, valid.questions);
    else await tx.nativeDelete(QuizQuestionRow, { lessonId: lesson.id });
    if (lesson.kind !== "download") await tx.nativeDelete(CourseFileRow, { lessonId: lesson.id });
    await tx.flush();
    await touchCourse(tx, lesson.courseId);
    return lesson;
  });
}

export async function deleteLesson(em: EntityManager, id: string): Promise<string | NotFoundError> {
  return em.transactional(async (tx) => {
    const lesson = await findLesson(tx, id);
    if (!lesson) return NotFoundError.of("No such lesson");
    await tx.nativeDelete(LessonRow, { id: lesson.id });
    await renumber(tx, lesson.businessId, "lesson", "module_id", lesson.moduleId);
    await touchCourse(tx, lesson.courseId);
    return lesson.courseId;
  });
}

/**
 * Puts a module's lessons in the order given. Lessons of other modules of the same course may be
 * listed: they move into this module (drag between modules), and their old modules close ranks.
 * Every lesson the module has now must be listed.
 */
export async function reorderLessons(
  em: EntityManager,
  moduleId: string,
  lessonIds: string[],
): Promise<string | ValidationError | NotFoundError> {
  return em.transactional(async (tx) => {
    const module = await findModule(tx, moduleId);
    if (!module) return NotFoundError.of("No such module");
    if (new Set(lessonIds).size !== lessonIds.length) return ValidationError.of("lessonIds", "Give each lesson once");
    const current = await tx.find(LessonRow, { moduleId });
    const listed = lessonIds.filter(isUuid).length === lessonIds.length ? await tx.find(LessonRow, { id: { $in: lessonIds } }) : [];
    const byId = new Map(listed.map((lesson) => [lesson.id, lesson]));
    const missing = lessonIds.findIndex((lessonId) => byId.get(lessonId)?.courseId !== module.courseId);
    if (missing >= 0) return ValidationError.of(`lessonIds.${missing}`, "No such lesson in this course");
    if (current.some((lesson) => !byId.has(lesson.id))) return ValidationError.of("lessonIds", "Give every lesson of the module");
    const formerModules = new Set<string>();
    for (const [index, lessonId] of lessonIds.entries()) {
      const lesson = byId.get(lessonId)!;
      if (lesson.moduleId !== moduleId) formerModules.add(lesson.moduleId);
      lesson.moduleId = moduleId;
      lesson.position = index + 1;
    }
    await tx.flush();
    for (const former of formerModules) await renumber(tx, module.businessId, "lesson", "module_id", former);
    await touchCourse(tx, module.courseId);
    return module.courseId;
  });
}

export async function deleteLessonFile(em: EntityManager, fileId: string): Promise<LessonRow | NotFoundError> {
  if (!isUuid(fileId)) return NotFoundError.of("No such file");
  const file = await em.findOne(CourseFileRow, { id: fileId, purpose: "download" });
  if (!file?.lessonId) return NotFoundError.of("No such file");
  await em.nativeDelete(CourseFileRow, { id: file.id });
  return (await findLesson(em, file.lessonId))!;
}

export { CourseModuleRow, findCourse };
