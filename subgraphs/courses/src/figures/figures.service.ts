import { type EntityManager, sql } from "@portal/kit";
import type { CourseTree } from "../player/player-state.js";

export interface LessonFigure {
  lessonId: string;
  moduleId: string;
  title: string;
  completedCount: number;
  completionPercent: number;
}

export interface CourseFigures {
  enrolled: number;
  started: number;
  completed: number;
  averageProgressPercent: number;
  lessons: LessonFigure[];
}

/** Enrolled, started, completed, average progress and completion per lesson, among active students: two statements. */
export async function courseFigures(em: EntityManager, tree: CourseTree): Promise<CourseFigures> {
  const { id: courseId, businessId } = tree.course;
  const [totals] = await sql<{ enrolled: number; started: number; completed: number }>(
    em,
    `select count(*)::int as enrolled, count(started_at)::int as started, count(completed_at)::int as completed
     from courses.enrolment where course_id = ? and business_id = ? and status = 'active'`,
    [courseId, businessId],
  );
  const perLesson = await sql<{ lesson_id: string; completed: number }>(
    em,
    `select p.lesson_id, count(*)::int as completed
     from courses.lesson_progress p
     join courses.enrolment e on e.course_id = p.course_id and e.contact_id = p.contact_id and e.status = 'active' and e.business_id = p.business_id
     where p.course_id = ? and p.business_id = ? and p.completed_at is not null
     group by p.lesson_id`,
    [courseId, businessId],
  );
  const done = new Map(perLesson.map((row) => [row.lesson_id, Number(row.completed)]));
  const enrolled = Number(totals?.enrolled ?? 0);
  const lessons = tree.lessons.map((lesson) => {
    const completedCount = done.get(lesson.id) ?? 0;
    return {
      lessonId: lesson.id,
      moduleId: lesson.moduleId,
      title: lesson.title,
      completedCount,
      completionPercent: enrolled ? Math.floor((completedCount * 100) / enrolled) : 0,
    };
  });
  const completions = lessons.reduce((sum, lesson) => sum + lesson.completedCount, 0);
  const averageProgressPercent = enrolled && lessons.length ? Math.round(((completions * 100) / (enrolled * lessons.length)) * 10) / 10 : 0;
  return { enrolled, started: Number(totals?.started ?? 0), completed: Number(totals?.completed ?? 0), averageProgressPercent, lessons };
}
