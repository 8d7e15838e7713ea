import { decodeCursor, pageSize, toConnection, type Connection, type EntityManager } from "@portal/kit";
import { escapeLike } from "../delivery/email-log.service.js";
import { DevMailMessage } from "./dev-mail-message.entity.js";

export interface DevMailboxFilter {
  first?: number | null;
  after?: string | null;
  to?: string | null;
}

/**
 * Messages in the dev mailbox, newest first: the business's own, or every business's when the
 * request has no business (the platform host in development).
 */
export async function listDevMail(
  em: EntityManager,
  businessId: string | null,
  filter: DevMailboxFilter,
): Promise<Connection<DevMailMessage>> {
  const limit = pageSize(filter.first);
  const cursor = decodeCursor(filter.after);
  const where: Record<string, unknown> = businessId ? { businessId } : {};
  if (filter.to?.trim()) where.to = { $ilike: `%${escapeLike(filter.to.trim())}%` };
  const page = cursor
    ? { $or: [{ createdAt: { $lt: new Date(cursor.sort) } }, { createdAt: new Date(cursor.sort), id: { $lt: cursor.id } }] }
    : {};
  // Without a business there is no tenant to scope to: reading across tenants is the point here,
  // and only ever in development (the resolver refuses in production).
  const options = businessId ? {} : { filters: { tenant: false } };
  const [rows, totalCount] = await Promise.all([
    em.find(DevMailMessage, { ...where, ...page }, { ...options, orderBy: { createdAt: "desc", id: "desc" }, limit: limit + 1 }),
    em.count(DevMailMessage, where, options),
  ]);
  return toConnection(rows, limit, totalCount, (row) => ({ sort: row.createdAt.toISOString(), id: row.id }), !!cursor);
}
