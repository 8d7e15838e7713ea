import { sql, type EntityManager } from "@portal/kit";

/**
 * Claims a provider event inside the transaction that applies it. The primary key makes a replay (or
 * a concurrent duplicate delivery, which waits on the first one's row) find it taken: apply nothing.
 */
export async function claimEvent(tx: EntityManager, eventId: string, type: string, businessId: string | null): Promise<boolean> {
  const rows = await sql(
    tx,
    `insert into billing.provider_event (event_id, type, business_id) values (?, ?, ?) on conflict (event_id) do nothing returning event_id`,
    [eventId, type, businessId],
  );
  return rows.length === 1;
}
