import { z } from "zod";
import { ContactSnapshot, StaffSnapshot } from "./identity.js";
import { BusinessSnapshot } from "./shared.js";

/*
 * How a subgraph's copy of identity's data (the kit's identity projection) catches up with identity.
 * These are point-to-point jobs on pg-boss queues, not events: a broadcast event reaches only queues
 * subscribed when it is published, which is exactly what a new or late subscriber missed.
 */

/** A pg-boss queue name as the kit names consumers' queues. */
const queueName = z.string().regex(/^[A-Za-z0-9_.-]+$/);

/**
 * "Send me everything you have": a projection asks on every start, after subscribing to identity's
 * snapshot events, so whatever it missed before is covered and whatever comes after arrives as events.
 * One pending request per `replyTo` (a repeated one is dropped while the first waits).
 */
export const identitySnapshotRequest = {
  queue: "identity.snapshot_requests",
  description: "A projection of identity's data asks identity for every business, contact and team member, answered to `replyTo` only.",
  payload: z.object({ replyTo: queueName }),
} as const;
export type IdentitySnapshotRequest = z.output<typeof identitySnapshotRequest.payload>;

/**
 * One page of identity's answer, sent to the requester's `replyTo` queue: a business with some of its
 * contacts. A business's first page also carries its whole current team (`staff`); later pages carry
 * `staff: null`. `takenAt` is no later than the start of any change the page may not show, so the
 * events of such a change are newer and win (consumers keep the newest by time).
 */
export const identitySnapshotPage = {
  description:
    "A page of identity's answer to a snapshot request: one business, some of its contacts, and on its first page its whole team.",
  payload: z.object({
    takenAt: z.string().datetime(),
    business: BusinessSnapshot,
    contacts: z.array(ContactSnapshot),
    staff: z.array(StaffSnapshot).nullable(),
  }),
} as const;
export type IdentitySnapshotPage = z.output<typeof identitySnapshotPage.payload>;
