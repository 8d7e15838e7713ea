import { ConnectionArgs, forbidden, mapConnection, requireSignedIn, requireStaff, type SubgraphContext, isStaffReader } from "@portal/kit";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { listEnrolments, progressOf } from "../enrolment/enrolment.service.js";
import { CourseEnrolmentArgs, CourseEnrolmentConnection, CourseEnrolmentView } from "../enrolment/enrolment.types.js";
import { courseFigures } from "../figures/figures.service.js";
import { CourseFiguresView, CourseLessonFigureView } from "../figures/figures.types.js";
import { courseAccessFor, forgetCourseAccess } from "../player/course-access.js";
import { CourseStatus } from "../shared/enums.js";
import { asResult } from "../shared/outcomes.js";
import { courseView, enrolmentView, moduleView, plainModuleView } from "../shared/views.js";
import type { CourseRow } from "./course.entity.js";
import { createCourse, deleteCourse, listCourses, setCourseStatus, updateCourse } from "./course.service.js";
import {
  CourseConnection,
  CourseInput,
  CourseModuleInput,
  CourseModuleResult,
  CourseModuleSuccess,
  CourseModuleView,
  CourseResult,
  CourseSuccess,
  CourseView,
  DeleteCourseResult,
  DeleteCourseSuccess,
} from "./course.types.js";
import { createModule, deleteModule, lessonsOfModule, reorderModules, updateModule } from "./module.service.js";

@ArgsType()
class CourseListArgs extends ConnectionArgs {
  @Field(() => CourseStatus, { nullable: true, description: "Staff: only drafts or only published courses." })
  status?: CourseStatus | null;
  @Field(() => String, { nullable: true, description: "Words in the title (case-insensitive)." })
  search?: string | null;
  @Field(() => ID, { nullable: true, description: "Staff: only the courses this contact is actively enrolled in." })
  contactId?: string | null;
}

const success = (course: CourseRow) => Object.assign(new CourseSuccess(), { course: courseView(course) });

/** Courses: staff build and publish them; clients see the published courses they are enrolled in. */
@Resolver(() => CourseView)
export class CourseResolver {
  @Query(() => CourseConnection, {
    description: "Staff (or a READ key): the business's courses; a client: the published courses they are enrolled in. By title.",
  })
  async courses(@Args(() => CourseListArgs) args: CourseListArgs, @Ctx() ctx: SubgraphContext) {
    requireSignedIn(ctx.caller);
    if (ctx.caller.actor.kind !== "contact") requireStaff(ctx.caller, "read");
    const status = args.status ? (args.status === CourseStatus.PUBLISHED ? "published" : "draft") : null;
    return mapConnection(await listCourses(ctx.em, ctx.caller, { ...args, status }), courseView);
  }

  @Query(() => CourseView, {
    nullable: true,
    description: "One course: for the business's staff, or a client enrolled in it while it is published; null for anyone else.",
  })
  async course(@Arg("id", () => ID, { description: "Course id." }) id: string, @Ctx() ctx: SubgraphContext): Promise<CourseView | null> {
    requireSignedIn(ctx.caller);
    const access = await courseAccessFor(ctx, id);
    return access ? courseView(access.tree.course) : null;
  }

  @Mutation(() => CourseResult, { description: "Staff: a new draft course (upload its cover to /files/courses/courses/<id>/cover)." })
  async createCourse(@Arg("input", () => CourseInput) input: CourseInput, @Ctx() ctx: SubgraphContext) {
    const { businessId } = requireStaff(ctx.caller, "write");
    return asResult(await createCourse(ctx.em, businessId, input), success);
  }

  @Mutation(() => CourseResult, { description: "Staff: change a course's details." })
  async updateCourse(
    @Arg("id", () => ID, { description: "Course id." }) id: string,
    @Arg("input", () => CourseInput) input: CourseInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    requireStaff(ctx.caller, "write");
    return asResult(await updateCourse(ctx.em, id, input), success);
  }

  @Mutation(() => CourseResult, { description: "Staff: publish a course (it needs a lesson): its enrolled students see it." })
  async publishCourse(@Arg("id", () => ID, { description: "Course id." }) id: string, @Ctx() ctx: SubgraphContext) {
    requireStaff(ctx.caller, "write");
    return asResult(await setCourseStatus(ctx.em, id, true), success);
  }

  @Mutation(() => CourseResult, { description: "Staff: back to draft: hidden from students (enrolments and progress stay)." })
  async unpublishCourse(@Arg("id", () => ID, { description: "Course id." }) id: string, @Ctx() ctx: SubgraphContext) {
    requireStaff(ctx.caller, "write");
    return asResult(await setCourseStatus(ctx.em, id, false), success);
  }

  @Mutation(() => DeleteCourseResult, { description: "Staff: delete a course nobody was ever enrolled in." })
  async deleteCourse(@Arg("id", () => ID, { description: "Course id." }) id: string, @Ctx() ctx: SubgraphContext) {
    requireStaff(ctx.caller, "write");
    return asResult(await deleteCourse(ctx.em, id), (deletedId) => Object.assign(new DeleteCourseSuccess(), { deletedId }));
  }

  @Mutation(() => CourseModuleResult, { description: "Staff: add a module at the end of a course." })
  async createCourseModule(
    @Arg("courseId", () => ID, { description: "Course id." }) courseId: string,
    @Arg("input", () => CourseModuleInput) input: CourseModuleInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    requireStaff(ctx.caller, "write");
    return asResult(await createModule(ctx.em, courseId, input), ({ module, course }) =>
      Object.assign(new CourseModuleSuccess(), { module: plainModuleView(module, []), course: courseView(course) }),
    );
  }

  @Mutation(() => CourseModuleResult, { description: "Staff: change a module's title and drip." })
  async updateCourseModule(
    @Arg("id", () => ID, { description: "Module id." }) id: string,
    @Arg("input", () => CourseModuleInput) input: CourseModuleInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    requireStaff(ctx.caller, "write");
    return asResult(await updateModule(ctx.em, id, input), async ({ module, course }) =>
      Object.assign(new CourseModuleSuccess(), {
        module: plainModuleView(module, await lessonsOfModule(ctx.em, module.id)),
        course: courseView(course),
      }),
    );
  }

  @Mutation(() => CourseResult, { description: "Staff: delete a module with its lessons (and students' progress in them)." })
  async deleteCourseModule(@Arg("id", () => ID, { description: "Module id." }) id: string, @Ctx() ctx: SubgraphContext) {
    requireStaff(ctx.caller, "write");
    return asResult(await deleteModule(ctx.em, id), success);
  }

  @Mutation(() => CourseResult, { description: "Staff: put a course's modules in this order (every module once), by drag or keyboard." })
  async reorderCourseModules(
    @Arg("courseId", () => ID, { description: "Course id." }) courseId: string,
    @Arg("moduleIds", () => [ID], { description: "Every module of the course, in the new order." }) moduleIds: string[],
    @Ctx() ctx: SubgraphContext,
  ) {
    requireStaff(ctx.caller, "write");
    forgetCourseAccess(ctx, courseId);
    return asResult(await reorderModules(ctx.em, courseId, moduleIds), success);
  }

  @FieldResolver(() => [CourseModuleView], {
    description: "Modules in order, each with its lessons and the reader's state of them (locked, completed, current, dates).",
  })
  async modules(@Root() course: CourseView, @Ctx() ctx: SubgraphContext) {
    const access = await courseAccessFor(ctx, course.id);
    return access ? access.state.modules.map(moduleView) : [];
  }

  @FieldResolver(() => Int, { description: "Lessons in the course." })
  async lessonCount(@Root() course: CourseView, @Ctx() ctx: SubgraphContext) {
    return (await courseAccessFor(ctx, course.id))?.state.lessonCount ?? 0;
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description:
      "A student's lesson to resume: the last one opened while not completed, else the next open one after it not completed, else the first. Null for staff and when all are done.",
  })
  async currentLessonId(@Root() course: CourseView, @Ctx() ctx: SubgraphContext) {
    return (await courseAccessFor(ctx, course.id))?.state.currentLessonId ?? null;
  }

  @FieldResolver(() => CourseEnrolmentView, {
    nullable: true,
    description: "The reader's own enrolment and progress (a client); null for staff.",
  })
  async myEnrolment(@Root() course: CourseView, @Ctx() ctx: SubgraphContext) {
    const access = await courseAccessFor(ctx, course.id);
    if (!access?.enrolment) return null;
    return enrolmentView(access.enrolment, { completedLessonCount: access.state.completedCount, lessonCount: access.state.lessonCount });
  }

  @FieldResolver(() => CourseEnrolmentConnection, {
    description: "Staff: the course's students with their progress, most recently enrolled first.",
  })
  async enrolments(@Root() course: CourseView, @Args(() => CourseEnrolmentArgs) args: CourseEnrolmentArgs, @Ctx() ctx: SubgraphContext) {
    if (!isStaffReader(ctx.caller)) throw forbidden("Only the business's staff see a course's students");
    const status = args.status === "UNENROLLED" ? "unenrolled" : "active";
    const page = await listEnrolments(ctx.em, course.id, { ...args, status });
    const progress = await progressOf(
      ctx.em,
      course.businessId,
      page.edges.map((edge) => edge.node),
    );
    return mapConnection(page, (row) => enrolmentView(row, progress.get(row.id) ?? { completedLessonCount: 0, lessonCount: 0 }));
  }

  @FieldResolver(() => CourseFiguresView, {
    nullable: true,
    description: "Staff: enrolled, started, completed and completion per lesson. Null for students.",
  })
  async figures(@Root() course: CourseView, @Ctx() ctx: SubgraphContext) {
    if (!isStaffReader(ctx.caller)) return null;
    const access = await courseAccessFor(ctx, course.id);
    if (!access) return null;
    const figures = await courseFigures(ctx.em, access.tree);
    return Object.assign(new CourseFiguresView(), {
      ...figures,
      lessons: figures.lessons.map((lesson) => Object.assign(new CourseLessonFigureView(), lesson)),
    });
  }
}
