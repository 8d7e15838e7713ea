import { randomToken, sha256, type Caller, type EntityManager } from "@portal/kit";
import { Session, type SessionActorKind } from "./session.entity.js";

export interface StartedSession {
  session: Session;
  /** Goes into the cookie only; the database keeps its hash. */
  token: string;
  maxAgeSeconds: number;
}

export function startSession(
  em: EntityManager,
  caller: Caller,
  actor: { kind: SessionActorKind; id: string; businessId: string | null },
  ttlDays: number,
): StartedSession {
  const token = randomToken(32);
  const maxAgeSeconds = Math.round(ttlDays * 86_400);
  const session = Object.assign(new Session(), {
    tokenHash: sha256(token),
    actorKind: actor.kind,
    actorId: actor.id,
    businessId: actor.businessId,
    expiresAt: new Date(Date.now() + maxAgeSeconds * 1000),
    ip: caller.ip || null,
    userAgent: caller.userAgent?.slice(0, 500) || null,
  });
  em.persist(session);
  return { session, token, maxAgeSeconds };
}

/** Open, unexpired sessions of one contact in the current business (tenant filter applies). */
export function openSessionsOf(em: EntityManager, actorKind: SessionActorKind, actorId: string): Promise<Session[]> {
  return em.find(Session, { actorKind, actorId, endedAt: null, expiresAt: { $gt: new Date() } }, { orderBy: { lastSeenAt: "desc" } });
}

/** Ends every open session of the actor and returns their ids, for the revocation announcement. */
export async function endSessionsOf(em: EntityManager, actorKind: SessionActorKind, actorId: string): Promise<string[]> {
  const open = await em.find(Session, { actorKind, actorId, endedAt: null });
  const endedAt = new Date();
  for (const session of open) session.endedAt = endedAt;
  return open.map((session) => session.id);
}
