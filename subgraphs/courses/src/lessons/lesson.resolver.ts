import { forbidden, isStaffReader, requireSignedIn, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { findCourse } from "../courses/course.service.js";
import { CourseResult, CourseSuccess } from "../courses/course.types.js";
import { courseAccessFor, courseIdOfLesson, forgetCourseAccess } from "../player/course-access.js";
import { asResult } from "../shared/outcomes.js";
import { courseView, lessonView } from "../shared/views.js";
import { LessonRow } from "./lesson.entity.js";
import { lessonContent } from "./lesson-content.js";
import { createLesson, deleteLesson, deleteLessonFile, reorderLessons, updateLesson } from "./lesson.service.js";
import { CourseLessonContent, CourseLessonInput, CourseLessonResult, CourseLessonSuccess, CourseLessonView } from "./lesson.types.js";

/** The lesson as the reader sees it right after a change (staff: open, no progress). */
async function lessonSuccess(ctx: SubgraphContext, lesson: LessonRow) {
  forgetCourseAccess(ctx, lesson.courseId);
  const access = await courseAccessFor(ctx, lesson.courseId);
  const entry = access?.state.byLesson.get(lesson.id);
  if (!entry) throw forbidden();
  return Object.assign(new CourseLessonSuccess(), { lesson: lessonView(entry) });
}

async function courseSuccess(ctx: SubgraphContext, courseId: string) {
  forgetCourseAccess(ctx, courseId);
  const course = await findCourse(ctx.em, courseId);
  return Object.assign(new CourseSuccess(), { course: courseView(course!) });
}

/** Lessons: staff write them; students open them in the player once they are available. */
@Resolver(() => CourseLessonView)
export class LessonResolver {
  @Query(() => CourseLessonView, {
    nullable: true,
    description:
      "One lesson with the reader's state of it (a locked lesson comes without content); null when its course is not visible to the reader.",
  })
  async courseLesson(@Arg("id", () => ID, { description: "Lesson id." }) id: string, @Ctx() ctx: SubgraphContext) {
    requireSignedIn(ctx.caller);
    const courseId = await courseIdOfLesson(ctx.em, id);
    const entry = courseId ? (await courseAccessFor(ctx, courseId))?.state.byLesson.get(id) : undefined;
    return entry ? lessonView(entry) : null;
  }

  @FieldResolver(() => CourseLessonContent, {
    description: "The lesson's content for its kind, or LessonLockedError while it is locked for the student (nothing of it is sent).",
  })
  async content(@Root() lesson: CourseLessonView, @Ctx() ctx: SubgraphContext) {
    const access = await courseAccessFor(ctx, lesson.courseId);
    const entry = access?.state.byLesson.get(lesson.id);
    if (!access || !entry) throw forbidden("This lesson is not visible to you");
    return lessonContent(ctx.em, access, entry);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Staff (lesson editor) only: the Markdown the lesson's text or notes are rendered from. Null for students.",
  })
  async markdown(@Root() lesson: CourseLessonView, @Ctx() ctx: SubgraphContext) {
    if (!isStaffReader(ctx.caller)) return null;
    // The outline's rows come without the text: read it from the lesson itself.
    return (await ctx.em.findOne(LessonRow, { id: lesson.id }))?.body ?? null;
  }

  @Mutation(() => CourseLessonResult, { description: "Staff: add a lesson at the end of a module (download lessons: upload files after)." })
  async createCourseLesson(
    @Arg("moduleId", () => ID, { description: "Module id." }) moduleId: string,
    @Arg("input", () => CourseLessonInput) input: CourseLessonInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    requireStaff(ctx.caller, "write");
    return asResult(await createLesson(ctx.em, moduleId, input), (lesson) => lessonSuccess(ctx, lesson));
  }

  @Mutation(() => CourseLessonResult, { description: "Staff: replace a lesson's title, kind, content, quiz and drip." })
  async updateCourseLesson(
    @Arg("id", () => ID, { description: "Lesson id." }) id: string,
    @Arg("input", () => CourseLessonInput) input: CourseLessonInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    requireStaff(ctx.caller, "write");
    return asResult(await updateLesson(ctx.em, id, input), (lesson) => lessonSuccess(ctx, lesson));
  }

  @Mutation(() => CourseResult, { description: "Staff: delete a lesson (and students' progress in it)." })
  async deleteCourseLesson(@Arg("id", () => ID, { description: "Lesson id." }) id: string, @Ctx() ctx: SubgraphContext) {
    requireStaff(ctx.caller, "write");
    return asResult(await deleteLesson(ctx.em, id), (courseId) => courseSuccess(ctx, courseId));
  }

  @Mutation(() => CourseResult, {
    description:
      "Staff: put a module's lessons in this order; lessons of other modules of the course listed here move into it (drag between modules).",
  })
  async reorderCourseLessons(
    @Arg("moduleId", () => ID, { description: "Module id." }) moduleId: string,
    @Arg("lessonIds", () => [ID], { description: "Every lesson the module is to hold, in order." }) lessonIds: string[],
    @Ctx() ctx: SubgraphContext,
  ) {
    requireStaff(ctx.caller, "write");
    return asResult(await reorderLessons(ctx.em, moduleId, lessonIds), (courseId) => courseSuccess(ctx, courseId));
  }

  @Mutation(() => CourseLessonResult, { description: "Staff: remove a file from a download lesson." })
  async deleteCourseLessonFile(@Arg("id", () => ID, { description: "File id." }) id: string, @Ctx() ctx: SubgraphContext) {
    requireStaff(ctx.caller, "write");
    return asResult(await deleteLessonFile(ctx.em, id), (lesson) => lessonSuccess(ctx, lesson));
  }
}
