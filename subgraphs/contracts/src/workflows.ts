import { z } from "zod";

/**
 * What every "do this" event a workflow sends carries, and what its owner answers. A workflow's
 * action is carried out by the subgraph that owns it (courses enrols, communities adds to a group,
 * identity invites, affiliates makes an affiliate): the command carries `source`
 * (`workflow_run:<runId>:<step>`), and the owner, in the same transaction as the change, publishes
 * its `…workflow_action.finished` event with that source and what happened, so the run can go on.
 */
export const WORKFLOW_SOURCE = /^workflow_run:[0-9a-f-]{36}:\d{1,3}$/i;

/** The payload of every owner's `…workflow_action.finished` event. */
export const ActionOutcome = z.object({
  /** The command's `source`, as it came. */
  source: z.string().max(200),
  /** DONE: changed as asked; SKIPPED: nothing to do (already a member, already invited…); FAILED: could not (unknown course…). */
  status: z.enum(["DONE", "SKIPPED", "FAILED"]),
  /** Why it was skipped or failed, in words staff can read in the execution log. */
  reason: z.string().max(500).nullable(),
});
export type ActionOutcome = z.output<typeof ActionOutcome>;
