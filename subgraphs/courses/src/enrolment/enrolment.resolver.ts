import { forbidden, isStaffReader, KnownContact, requireSignedIn, requireStaff, type SubgraphContext, sql } from "@portal/kit";
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { CertificateRow } from "../certificates/certificate.entity.js";
import { CourseCertificateView, certificateView } from "../certificates/certificate.types.js";
import { ContactRef } from "../client/contact-ref.js";
import { findCourse } from "../courses/course.service.js";
import { CourseView } from "../courses/course.types.js";
import { courseAccessFor, forgetCourseAccess } from "../player/course-access.js";
import { LessonProgressRow } from "../progress/lesson-progress.entity.js";
import { contactIdOf } from "../shared/access.js";
import { asResult } from "../shared/outcomes.js";
import { courseView, enrolmentView } from "../shared/views.js";
import type { EnrolmentRow } from "./enrolment.entity.js";
import { EarlyUnlockRow, enrolContacts, findEnrolment, progressOf, unenrolContacts, unlockEarly } from "./enrolment.service.js";
import {
  CourseEnrolmentResult,
  CourseEnrolmentSuccess,
  CourseEnrolmentView,
  CourseLessonProgressView,
  CourseQuizScoreView,
  CourseStudentView,
  EnrolInCourseResult,
  EnrolInCourseSuccess,
  UnenrolFromCourseResult,
  UnenrolFromCourseSuccess,
  UnlockCourseContentInput,
} from "./enrolment.types.js";

async function views(ctx: SubgraphContext, rows: EnrolmentRow[]): Promise<CourseEnrolmentView[]> {
  if (rows.length === 0) return [];
  const progress = await progressOf(ctx.em, rows[0]!.businessId, rows);
  return rows.map((row) => enrolmentView(row, progress.get(row.id) ?? { completedLessonCount: 0, lessonCount: 0 }));
}

/** Whether the reader may see this enrolment: the business's staff, or the student themself. */
const mayRead = (ctx: SubgraphContext, enrolment: CourseEnrolmentView) =>
  isStaffReader(ctx.caller) || contactIdOf(ctx.caller) === enrolment.contactId;

/** Enrolment: staff enrol and unenrol contacts, follow each student and open content early. */
@Resolver(() => CourseEnrolmentView)
export class EnrolmentResolver {
  @Query(() => CourseEnrolmentView, {
    nullable: true,
    description: "Staff: one enrolment (a student's progress page); a client: their own. Null otherwise.",
  })
  async courseEnrolment(@Arg("id", () => ID, { description: "Enrolment id." }) id: string, @Ctx() ctx: SubgraphContext) {
    requireSignedIn(ctx.caller);
    const row = await findEnrolment(ctx.em, id);
    if (!row) return null;
    const [view] = await views(ctx, [row]);
    return view && mayRead(ctx, view) && (isStaffReader(ctx.caller) || row.status === "active") ? view : null;
  }

  @Mutation(() => EnrolInCourseResult, {
    description:
      'Staff: enrol contacts in a published course (new or again: progress kept). Each gets the "course access granted" email; a contact without portal access is invited unless `inviteToPortal` is false.',
  })
  async enrolInCourse(
    @Arg("courseId", () => ID, { description: "Course id." }) courseId: string,
    @Arg("contactIds", () => [ID], { description: "1–500 contacts of the business." }) contactIds: string[],
    @Arg("inviteToPortal", () => Boolean, { defaultValue: true, description: "Invite contacts who have no portal access (default true)." })
    inviteToPortal: boolean,
    @Ctx() ctx: SubgraphContext,
  ) {
    const { actor } = requireStaff(ctx.caller, "write");
    const source = actor.kind === "staff" ? `staff:${actor.id}` : `api_key:${actor.id}`;
    return asResult(await enrolContacts(ctx.em, courseId, contactIds, { inviteToPortal, source }), async (rows) =>
      Object.assign(new EnrolInCourseSuccess(), {
        enrolments: await views(ctx, rows),
        course: courseView((await findCourse(ctx.em, courseId))!),
      }),
    );
  }

  @Mutation(() => UnenrolFromCourseResult, { description: "Staff: unenrol contacts: the course is hidden from them, their progress kept." })
  async unenrolFromCourse(
    @Arg("courseId", () => ID, { description: "Course id." }) courseId: string,
    @Arg("contactIds", () => [ID], { description: "1–500 contacts of the business." }) contactIds: string[],
    @Ctx() ctx: SubgraphContext,
  ) {
    requireStaff(ctx.caller, "write");
    return asResult(await unenrolContacts(ctx.em, courseId, contactIds), async (rows) =>
      Object.assign(new UnenrolFromCourseSuccess(), { enrolments: await views(ctx, rows) }),
    );
  }

  @Mutation(() => CourseEnrolmentResult, {
    description: "Staff: open a module or lesson to one student now (before its drip date or a module's quiz).",
  })
  async unlockCourseContentEarly(
    @Arg("input", () => UnlockCourseContentInput) input: UnlockCourseContentInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    const { actor } = requireStaff(ctx.caller, "write");
    return asResult(await unlockEarly(ctx.em, actor.kind === "staff" ? actor.id : null, input), async (row) => {
      forgetCourseAccess(ctx, row.courseId);
      return Object.assign(new CourseEnrolmentSuccess(), { enrolment: (await views(ctx, [row]))[0] });
    });
  }

  @FieldResolver(() => ContactRef, { description: "The student, as identity's Contact." })
  contact(@Root() enrolment: CourseEnrolmentView) {
    return ContactRef.of(enrolment.contactId);
  }

  @FieldResolver(() => CourseStudentView, { description: "The student's name and email as this section knows them." })
  async student(@Root() enrolment: CourseEnrolmentView, @Ctx() ctx: SubgraphContext) {
    const contact = await ctx.em.findOne(KnownContact, { contactId: enrolment.contactId });
    return Object.assign(new CourseStudentView(), {
      id: enrolment.contactId,
      name: contact?.name ?? "Former contact",
      email: contact?.email ?? "",
    });
  }

  @FieldResolver(() => CourseView, { nullable: true, description: "The course (null when the reader may no longer see it)." })
  async course(@Root() enrolment: CourseEnrolmentView, @Ctx() ctx: SubgraphContext) {
    const access = await courseAccessFor(ctx, enrolment.courseId);
    return access ? courseView(access.tree.course) : null;
  }

  @FieldResolver(() => CourseCertificateView, { nullable: true, description: "The completion certificate, once issued." })
  async certificate(@Root() enrolment: CourseEnrolmentView, @Ctx() ctx: SubgraphContext) {
    if (!mayRead(ctx, enrolment)) return null;
    const row = await ctx.em.findOne(CertificateRow, { courseId: enrolment.courseId, contactId: enrolment.contactId });
    return row ? certificateView(row) : null;
  }

  @FieldResolver(() => [CourseQuizScoreView], { description: "Staff: the student's results on each quiz of the course, in course order." })
  async quizScores(@Root() enrolment: CourseEnrolmentView, @Ctx() ctx: SubgraphContext) {
    if (!isStaffReader(ctx.caller)) throw forbidden("Only the business's staff see quiz scores here");
    const rows = await sql<{ id: string; title: string; attempts: number; best: number | null; passed: boolean; last: Date | null }>(
      ctx.em,
      `select l.id, l.title, count(a.id)::int as attempts, max(a.score_percent) as best, coalesce(bool_or(a.passed), false) as passed,
              max(a.submitted_at) as last
       from courses.lesson l
       join courses.course_module m on m.id = l.module_id
       left join courses.quiz_attempt a on a.lesson_id = l.id and a.contact_id = ? and a.business_id = l.business_id
       where l.course_id = ? and l.business_id = ? and l.kind = 'quiz'
       group by l.id, l.title, m.position, l.position order by m.position, l.position`,
      [enrolment.contactId, enrolment.courseId, enrolment.businessId],
    );
    return rows.map((row) =>
      Object.assign(new CourseQuizScoreView(), {
        lessonId: row.id,
        lessonTitle: row.title,
        attemptCount: Number(row.attempts),
        bestScorePercent: row.best === null ? null : Number(row.best),
        passed: row.passed,
        lastAttemptAt: row.last,
      }),
    );
  }

  @FieldResolver(() => [CourseLessonProgressView], {
    description: "Staff: the student's progress in each lesson they opened or were given early.",
  })
  async lessonProgress(@Root() enrolment: CourseEnrolmentView, @Ctx() ctx: SubgraphContext) {
    if (!isStaffReader(ctx.caller)) throw forbidden("Only the business's staff see this");
    const where = { courseId: enrolment.courseId, contactId: enrolment.contactId };
    const [rows, unlocks] = [await ctx.em.find(LessonProgressRow, where), await ctx.em.find(EarlyUnlockRow, where)];
    const unlocked = new Set(unlocks.map((row) => (row.lessonId ?? row.moduleId)!));
    const access = await courseAccessFor(ctx, enrolment.courseId);
    const moduleOf = new Map(access?.tree.lessons.map((lesson) => [lesson.id, lesson.moduleId]) ?? []);
    const byLesson = new Map(rows.map((row) => [row.lessonId, row]));
    const lessonIds = access?.tree.lessons.map((lesson) => lesson.id) ?? [];
    return lessonIds
      .filter((id) => byLesson.has(id) || unlocked.has(id) || unlocked.has(moduleOf.get(id) ?? ""))
      .map((id) => {
        const row = byLesson.get(id);
        return Object.assign(new CourseLessonProgressView(), {
          lessonId: id,
          openedAt: row?.openedAt ?? null,
          completedAt: row?.completedAt ?? null,
          watchedPercent: row?.videoWatchedPercent ?? 0,
          unlockedEarly: unlocked.has(id) || unlocked.has(moduleOf.get(id) ?? ""),
        });
      });
  }
}
