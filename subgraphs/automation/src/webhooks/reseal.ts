import type { MikroORM } from "@mikro-orm/postgresql";
import { forkFor, logOf, resealed, sql } from "@portal/kit";

/**
 * PORTAL_SECRET rotation: endpoint secrets are sealed with PORTAL_SECRET, so once the previous secret
 * is dropped, one still sealed with it could no longer sign a delivery. While PORTAL_SECRET_PREVIOUS
 * is set, every automation process seals such secrets again with the current secret when it starts
 * (and an attempt does the same for its endpoint), so nothing is left for the operator to do.
 * Returns how many were sealed again.
 */
export async function resealEndpointSecrets(orm: MikroORM, portalSecret: string): Promise<number> {
  const em = forkFor(orm, null);
  const endpoints = await sql<{ id: string; sealed_secret: string }>(em, `select id, sealed_secret from automation.webhook_endpoint`);
  let count = 0;
  for (const endpoint of endpoints) {
    const next = resealedOrNull(portalSecret, endpoint.sealed_secret);
    if (!next) continue;
    // Only if nobody changed it meanwhile (a new secret set by staff, another process's reseal).
    await sql(em, `update automation.webhook_endpoint set sealed_secret = ? where id = ? and sealed_secret = ?`, [
      next,
      endpoint.id,
      endpoint.sealed_secret,
    ]);
    count++;
  }
  return count;
}

/** The sealed secret sealed again with the current secret, or null (already current, or unreadable: an attempt reports that). */
export function resealedOrNull(portalSecret: string, sealed: string): string | null {
  try {
    return resealed(portalSecret, sealed);
  } catch {
    logOf("webhooks").warn("a webhook endpoint's secret opens with neither PORTAL_SECRET nor PORTAL_SECRET_PREVIOUS");
    return null;
  }
}
