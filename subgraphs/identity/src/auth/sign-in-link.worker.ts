import { ensureQueue, forkFor, sql, type SubgraphDeps, workQueue } from "@portal/kit";
import type { LinkSettings } from "./one-time-links.js";
import { SIGN_IN_LINK_QUEUE, type SignInLinkRequest } from "./sign-in-link.queue.js";
import { issueRequestedSignInLink } from "./sign-in.service.js";

/** Marks a handled job in `processed_event`, so a redelivered job never mails a second link. */
const CONSUMER = "identity.sign_in_link";

/**
 * Issues the links of queued sign-in requests. Each job is handled in one transaction with its
 * processed marker; a failure rolls both back and pg-boss retries. `links` is read per job.
 */
export async function startSignInLinkWorker(deps: SubgraphDeps, links: () => LinkSettings): Promise<void> {
  // A link issued minutes late is hardly worth sending; a few quick retries cover a database blip.
  await ensureQueue(deps.boss, SIGN_IN_LINK_QUEUE, { retryLimit: 5, retryDelay: 1, retryBackoff: true, expireInSeconds: 60 });
  // Woken when a request is queued (kit workQueue), so sign-in emails leave at once without polling.
  await workQueue<SignInLinkRequest>(
    deps.boss,
    SIGN_IN_LINK_QUEUE,
    { batchSize: 10, pollingIntervalSeconds: 0.5, includeMetadata: true },
    async (jobs) => {
      for (const job of jobs) {
        await forkFor(deps.orm, job.data.businessId).transactional(async (em) => {
          const first = await sql(
            em,
            `insert into "identity"."processed_event" (consumer, event_id) values (?, ?) on conflict do nothing returning event_id`,
            [CONSUMER, job.id],
          );
          if (first.length) await issueRequestedSignInLink(em, links(), job.data);
        });
      }
    },
  );
}
