import type { MikroORM } from "@mikro-orm/postgresql";
import { forkFor, KnownBusiness, KnownContact, repeatEvery, sql, type SubgraphDeps } from "@portal/kit";
import { publishLessonUnlocked } from "../events/course-events.js";

/** The job looks this often for dripped lessons that opened. */
export const DRIP_INTERVAL_MS = 60_000;

export interface DripScope {
  /** Limit a run to one business (tests share a database). */
  businessId?: string;
}

interface Due {
  business_id: string;
  contact_id: string;
  course_id: string;
  course_title: string;
  lesson_id: string;
  lesson_title: string;
  opens_at: Date;
}

/**
 * "New lesson available": for every active student of a published course, each lesson whose drip
 * time (the later of its module's and its own, counted from their enrolment) has come and was after
 * their enrolment (a lesson open on the day they enrolled is not news) gets one
 * `courses.lesson.unlocked`. Once per student and lesson: the notice row (primary key lesson,
 * contact) is inserted in the transaction that writes the event, and only the insert that wins
 * publishes, so two runs at once or one after the other send it once. Lessons staff opened early
 * are not announced. A student or business identity has not told us about yet is tried next run.
 */
export async function runDripNotices(orm: MikroORM, now: Date, scope: DripScope = {}): Promise<number> {
  const due = await sql<Due>(
    forkFor(orm, null),
    `select * from (
       select e.business_id, e.contact_id, e.enrolled_at, c.id as course_id, c.title as course_title, m.id as module_id,
              l.id as lesson_id, l.title as lesson_title,
              greatest(
                case m.drip_kind when 'after_days' then e.enrolled_at + make_interval(days => m.drip_days) when 'on_date' then m.drip_date end,
                case l.drip_kind when 'after_days' then e.enrolled_at + make_interval(days => l.drip_days) when 'on_date' then l.drip_date end
              ) as opens_at
       from courses.enrolment e
       join courses.course c on c.id = e.course_id and c.business_id = e.business_id and c.status = 'published'
       join courses.lesson l on l.course_id = e.course_id and l.business_id = e.business_id
       join courses.course_module m on m.id = l.module_id and m.business_id = l.business_id
       where e.status = 'active' and (m.drip_kind <> 'none' or l.drip_kind <> 'none')
         and (?::uuid is null or e.business_id = ?::uuid)
     ) d
     where d.opens_at <= ? and d.opens_at > d.enrolled_at
       and not exists (select 1 from courses.drip_notice n where n.lesson_id = d.lesson_id and n.contact_id = d.contact_id)
       and not exists (select 1 from courses.early_unlock u
                       where u.contact_id = d.contact_id and (u.lesson_id = d.lesson_id or u.module_id = d.module_id))
     order by d.opens_at limit 500`,
    [scope.businessId ?? null, scope.businessId ?? null, now],
  );
  let sent = 0;
  for (const row of due) {
    const published = await forkFor(orm, row.business_id).transactional(async (tx) => {
      const business = await tx.findOne(KnownBusiness, { businessId: row.business_id });
      const contact = await tx.findOne(KnownContact, { contactId: row.contact_id });
      if (!business || !contact) return false;
      const won = await sql(
        tx,
        `insert into courses.drip_notice (business_id, lesson_id, contact_id) values (?, ?, ?) on conflict do nothing returning lesson_id`,
        [row.business_id, row.lesson_id, row.contact_id],
      );
      if (won.length === 0) return false;
      await publishLessonUnlocked(
        tx,
        business,
        contact,
        { id: row.lesson_id, title: row.lesson_title, courseId: row.course_id, courseTitle: row.course_title },
        new Date(row.opens_at),
      );
      return true;
    });
    if (published) sent++;
  }
  return sent;
}

/** Every minute (or `intervalMs`) in every process; the notice rows keep the runs from sending twice. Stops with the job queue. */
export function startDripJob(deps: SubgraphDeps, intervalMs = DRIP_INTERVAL_MS): void {
  repeatEvery(deps, "courses drip notices", intervalMs, () => runDripNotices(deps.orm, new Date()));
}
