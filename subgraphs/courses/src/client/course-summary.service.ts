import { type EntityManager, preparedStatement, runPrepared } from "@portal/kit";

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

/** The dashboard card's figures: courses, completed ones, overall progress and the course to resume (the last one worked on). */
export async function courseSummaryOf(em: EntityManager, businessId: string, contactId: string) {
  const rows = await runPrepared<{ course_id: string; total: number; done: number; completed: boolean; last: Date | null }>(em, SUMMARY, [
    businessId,
    contactId,
  ]);
  const total = rows.reduce((sum, row) => sum + Number(row.total), 0);
  const done = rows.reduce((sum, row) => sum + Math.min(Number(row.done), Number(row.total)), 0);
  const resume = rows
    .filter((row) => !row.completed)
    .sort((a, b) => (b.last ? new Date(b.last).getTime() : 0) - (a.last ? new Date(a.last).getTime() : 0))[0];
  return {
    hasCourses: rows.length > 0,
    courseCount: rows.length,
    completedCount: rows.filter((row) => row.completed).length,
    progressPercent: total ? Math.floor((done * 100) / total) : 0,
    resumeCourseId: resume?.course_id ?? null,
  };
}
