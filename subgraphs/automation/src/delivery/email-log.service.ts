import { decodeCursor, pageSize, toConnection, type Connection, type EntityManager } from "@portal/kit";
import { EmailLog, type EmailStatus } from "./email-log.entity.js";

export interface EmailLogFilter {
  first?: number | null;
  after?: string | null;
  status?: EmailStatus | null;
  search?: string | null;
}

/** The business's email log, newest first. `em` is scoped to the business. */
export async function listEmailLog(em: EntityManager, businessId: string, filter: EmailLogFilter): Promise<Connection<EmailLog>> {
  const limit = pageSize(filter.first);
  const cursor = decodeCursor(filter.after);
  const where: Record<string, unknown> = { businessId };
  if (filter.status) where.status = filter.status;
  if (filter.search?.trim()) where.recipient = { $ilike: `%${escapeLike(filter.search.trim())}%` };
  const page = cursor
    ? { $or: [{ createdAt: { $lt: new Date(cursor.sort) } }, { createdAt: new Date(cursor.sort), id: { $lt: cursor.id } }] }
    : {};
  const [rows, totalCount] = await Promise.all([
    em.find(EmailLog, { ...where, ...page }, { orderBy: { createdAt: "desc", id: "desc" }, limit: limit + 1 }),
    em.count(EmailLog, where),
  ]);
  return toConnection(rows, limit, totalCount, (row) => ({ sort: row.createdAt.toISOString(), id: row.id }), !!cursor);
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
