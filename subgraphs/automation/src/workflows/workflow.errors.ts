import { UserError } from "@portal/kit";

/** The run is not in a state that allows this (only a failed run is re-run). */
export class WorkflowRunStateError extends UserError {
  static of(message: string): WorkflowRunStateError {
    return Object.assign(new WorkflowRunStateError(), { message });
  }
}
