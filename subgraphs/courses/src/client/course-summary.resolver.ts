import {
  forbidden,
  isStaffReader,
  preparedStatement,
  requireBusiness,
  requireSignedIn,
  runPrepared,
  type SubgraphContext,
} from "@portal/kit";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { CourseSummaryView } from "../figures/figures.types.js";
import { contactIdOf } from "../shared/access.js";
import { ContactRef } from "./contact-ref.js";

/** The contact's active enrolments in published courses, with lessons done of lessons in all, in one statement. */
const SUMMARY = preparedStatement(
  "courses_summary",
  `select e.course_id, coalesce(l.total, 0)::int as total, coalesce(p.done, 0)::int as done, e.completed_at is not null as completed,
          e.last_activity_at as last
   from courses.enrolment e
   join courses.course c on c.id = e.course_id and c.business_id = e.business_id and c.status = 'published'
   left join (select course_id, count(*) as total from courses.lesson where business_id = $1 group by course_id) l on l.course_id = e.course_id
   left join (select course_id, count(*) as done from courses.lesson_progress
              where business_id = $1 and contact_id = $2 and completed_at is not null group by course_id) p on p.course_id = e.course_id
   where e.business_id = $1 and e.contact_id = $2 and e.status = 'active'`,
);

/**
 * The contact's courses for the dashboard card, federated onto identity's Contact. Nullable so that
 * when courses fails or is down only this field is null, not the contact or other sections.
 */
@Resolver(() => ContactRef)
export class CourseSummaryResolver {
  @FieldResolver(() => CourseSummaryView, {
    nullable: true,
    description:
      "Published courses the contact is enrolled in and their overall progress. Null only when courses cannot answer (see errors).",
  })
  async courseSummary(@Root() contact: ContactRef, @Ctx() ctx: SubgraphContext): Promise<CourseSummaryView> {
    requireSignedIn(ctx.caller);
    const businessId = requireBusiness(ctx.caller);
    if (contactIdOf(ctx.caller) !== contact.id && !isStaffReader(ctx.caller))
      throw forbidden("Only this contact or their business's staff can see their courses");
    const rows = await runPrepared<{ course_id: string; total: number; done: number; completed: boolean; last: Date | null }>(
      ctx.em,
      SUMMARY,
      [businessId, contact.id],
    );
    const total = rows.reduce((sum, row) => sum + Number(row.total), 0);
    const done = rows.reduce((sum, row) => sum + Math.min(Number(row.done), Number(row.total)), 0);
    const resume = rows
      .filter((row) => !row.completed)
      .sort((a, b) => (b.last ? new Date(b.last).getTime() : 0) - (a.last ? new Date(a.last).getTime() : 0))[0];
    return Object.assign(new CourseSummaryView(), {
      hasCourses: rows.length > 0,
      courseCount: rows.length,
      completedCount: rows.filter((row) => row.completed).length,
      progressPercent: total ? Math.floor((done * 100) / total) : 0,
      resumeCourseId: resume?.course_id ?? null,
    });
  }
}
