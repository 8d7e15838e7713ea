import type { MikroORM } from "@mikro-orm/postgresql";
import {
  type Connection,
  type DeadLetter,
  type DeadLetterFilter,
  type DeadLetterStateError,
  discardDeadLetter,
  type EntityManager,
  ensureDeadLetterStore,
  listDeadLetters,
  type NotFoundError,
  retryDeadLetter,
  UserError,
} from "@portal/kit";
import type PgBoss from "pg-boss";
import { Business } from "../business/business.entity.js";

/** A dead letter with the name of the business its event belongs to (none for platform events). */
export interface DeadLetterWithBusiness extends DeadLetter {
  businessName: string | null;
}

/**
 * Every consumer's dead letters on the platform, newest failure first, for operators. The letters are
 * the kit's (one platform table); identity adds the business names operators recognise.
 */
export async function listPlatformDeadLetters(
  orm: MikroORM,
  em: EntityManager,
  filter: DeadLetterFilter,
): Promise<Connection<DeadLetterWithBusiness>> {
  await ensureDeadLetterStore(orm);
  const page = await listDeadLetters(em, filter);
  const ids = [...new Set(page.edges.flatMap((edge) => (edge.node.businessId ? [edge.node.businessId] : [])))];
  const businesses = ids.length ? await em.find(Business, { id: { $in: ids } }) : [];
  const names = new Map(businesses.map((business) => [business.id, business.name]));
  return {
    ...page,
    edges: page.edges.map((edge) => ({
      cursor: edge.cursor,
      node: { ...edge.node, businessName: edge.node.businessId ? (names.get(edge.node.businessId) ?? null) : null },
    })),
  };
}

async function withBusinessName(em: EntityManager, letter: DeadLetter): Promise<DeadLetterWithBusiness> {
  const business = letter.businessId ? await em.findOne(Business, { id: letter.businessId }) : null;
  return { ...letter, businessName: business?.name ?? null };
}

/** Sends the event back to its consumer (see the kit's `retryDeadLetter`). */
export async function retryPlatformDeadLetter(
  orm: MikroORM,
  em: EntityManager,
  boss: PgBoss,
  id: string,
): Promise<DeadLetterWithBusiness | NotFoundError | DeadLetterStateError> {
  const result = await retryDeadLetter(orm, boss, id);
  return result instanceof UserError ? result : withBusinessName(em, result);
}

/** Marks the event as needing no handling. */
export async function discardPlatformDeadLetter(
  orm: MikroORM,
  em: EntityManager,
  id: string,
): Promise<DeadLetterWithBusiness | NotFoundError | DeadLetterStateError> {
  const result = await discardDeadLetter(orm, id);
  return result instanceof UserError ? result : withBusinessName(em, result);
}
