import type PgBoss from "pg-boss";
import type { Audience } from "./sign-in-token.entity.js";

/** pg-boss queue of sign-in requests whose link is yet to be issued (`sign-in-link.worker.ts`). */
export const SIGN_IN_LINK_QUEUE = "identity.sign_in_link";

/**
 * A sign-in request as the job carries it: nothing about the person, who is only looked up by the
 * worker, so queueing costs the same for every address.
 */
export interface SignInLinkRequest {
  /** null for operators (platform links) and for requests on a host that serves no business. */
  businessId: string | null;
  audience: Audience;
  /** Trimmed and lower-cased. */
  email: string;
  /** The page the person was trying to open (a checked same-site path), put into the link; absent for none. */
  next?: string | null;
}

export async function enqueueSignInLink(boss: PgBoss, request: SignInLinkRequest): Promise<void> {
  const job: SignInLinkRequest = {
    businessId: request.businessId,
    audience: request.audience,
    email: request.email,
    ...(request.next ? { next: request.next } : {}),
  };
  await boss.send(SIGN_IN_LINK_QUEUE, job);
}
