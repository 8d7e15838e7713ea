import { createHmac } from "node:crypto";
import { type FileHandler, type FileResponse, sql } from "@portal/kit";
import { isbot } from "isbot";
import { locationFor } from "../programme/landing-urls.js";

const json = (status: number, value: unknown): FileResponse => ({
  status,
  contentType: "application/json",
  body: Buffer.from(JSON.stringify(value)),
});
const NOT_FOUND = json(404, { error: "not found" });
const CODE = /^[a-z0-9-]{3,40}$/;

/**
 * The visitor key: an HMAC of the business, the day, the address and the browser under a key derived
 * from the platform secret. It tells one visitor from another for one day only and cannot be turned
 * back into an address, so no address is stored.
 */
export function visitorKeyer(secret: string) {
  const key = createHmac("sha256", secret).update("affiliates.visitor-key").digest();
  return (businessId: string, day: string, ip: string, userAgent: string) =>
    createHmac("sha256", key).update(`${businessId}|${day}|${ip}|${userAgent}`).digest("hex").slice(0, 32);
}

interface ClickTarget {
  code: string;
  landing_url: string | null;
  window_days: number;
}

/**
 * `GET /files/r/<code>` (the portal's `/r/<code>`, relayed by the gateway with the caller's business,
 * address and browser): `{ location, code, cookieMaxAge }` or 404. The location is only ever the
 * link's stored landing URL (checked against the allowed sites when the link was made) with
 * `ref=<code>`. One statement finds the link and counts the click: once per link, day and visitor,
 * never for bots, a removed affiliate or a programme that is off (their links still open the site).
 */
export function clickHandler(secret: string): FileHandler {
  const visitorKey = visitorKeyer(secret);
  return async ({ caller, path, em, method }) => {
    if ((method !== "GET" && method !== "HEAD") || !caller.businessId) return NOT_FOUND;
    const code = path.toLowerCase();
    if (!CODE.test(code)) return NOT_FOUND;
    const userAgent = caller.userAgent ?? "";
    const day = new Date().toISOString().slice(0, 10);
    const countable = method === "GET" && userAgent.trim() !== "" && !isbot(userAgent);
    const key = countable ? visitorKey(caller.businessId, day, caller.ip ?? "", userAgent) : null;
    const [target] = await sql<ClickTarget>(
      em,
      `with link as (
         select l.id, l.business_id, l.code, coalesce(l.landing_url, p.allowed_landing_urls->>0, b.portal_url) as landing_url,
           coalesce(p.attribution_window_days, 30) as window_days, (a.status = 'ACTIVE' and coalesce(p.enabled, false)) as live
         from affiliates.referral_link l
         join affiliates.affiliate a on a.id = l.affiliate_id and a.business_id = l.business_id
         left join affiliates.programme p on p.business_id = l.business_id
         left join affiliates.known_business b on b.business_id = l.business_id
         where l.business_id = ? and l.code = ? and l.deleted_at is null
       ), counted as (
         insert into affiliates.click (business_id, link_id, day, visitor_key)
         select business_id, id, ?::date, ?::text from link where live and ?::text is not null
         on conflict do nothing
       )
       select code, landing_url, window_days from link`,
      [caller.businessId, code, day, key, key],
    );
    if (!target?.landing_url) return NOT_FOUND;
    const location = locationFor(target.landing_url, target.code);
    if (!location) return NOT_FOUND;
    return json(200, { location, code: target.code, cookieMaxAge: Number(target.window_days) * 86_400 });
  };
}
