import { ConnectionArgs, type Connection, mapConnection, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { EngineSettings } from "./run-engine.js";
import { findRunView, listRuns, rerunRun, type RunView } from "./run.service.js";
import {
  RerunWorkflowRunResult,
  WorkflowRunConnection,
  WorkflowRunStatus,
  WorkflowRunSuccess,
  WorkflowRunView,
  type WorkflowStepStatus,
} from "./run.types.js";
import type { WorkflowActionType } from "./workflow.types.js";

function runView({ run, steps, contactName }: RunView): WorkflowRunView {
  return Object.assign(new WorkflowRunView(), {
    ...run,
    status: run.status as WorkflowRunStatus,
    contactName,
    durationMs: run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
    steps: steps.map((step) => {
      const planned = run.plan[step.position];
      return {
        ...step,
        status: step.status as WorkflowStepStatus,
        actionType: planned?.action.type as WorkflowActionType,
        label: planned?.label ?? "",
      };
    }),
  });
}

/** The execution log; re-running needs the engine's settings (queues and email delivery). */
export function workflowRunResolver(settings: () => EngineSettings) {
  @Resolver()
  class WorkflowRunResolver {
    @Query(() => WorkflowRunConnection, {
      description: "The execution log: workflow runs, newest first, with every step's outcome (staff).",
    })
    async workflowRuns(
      @Args(() => ConnectionArgs) page: ConnectionArgs,
      @Arg("workflowId", () => ID, { nullable: true, description: "Only runs of this workflow." }) workflowId: string | null,
      @Arg("contactId", () => ID, { nullable: true, description: "Only runs for this contact." }) contactId: string | null,
      @Arg("status", () => WorkflowRunStatus, { nullable: true, description: "Only runs with this outcome." })
      status: WorkflowRunStatus | null,
      @Ctx() ctx: SubgraphContext,
    ): Promise<Connection<WorkflowRunView>> {
      requireStaff(ctx.caller);
      return mapConnection(await listRuns(ctx.em, { ...page, workflowId, contactId, status }), runView);
    }

    @Query(() => WorkflowRunView, { nullable: true, description: "One run; null when there is no such run in the business (staff)." })
    async workflowRun(
      @Arg("id", () => ID, { description: "Run id." }) id: string,
      @Ctx() ctx: SubgraphContext,
    ): Promise<WorkflowRunView | null> {
      requireStaff(ctx.caller);
      const view = await findRunView(ctx.em, id);
      return view ? runView(view) : null;
    }

    @Mutation(() => RerunWorkflowRunResult, {
      description: "Re-runs a failed run from its failed step; earlier steps are not repeated (staff).",
    })
    async rerunWorkflowRun(
      @Arg("id", () => ID, { description: "Run id." }) id: string,
      @Ctx() ctx: SubgraphContext,
    ): Promise<typeof RerunWorkflowRunResult> {
      requireStaff(ctx.caller, "write");
      const result = await rerunRun(ctx.em, settings(), id);
      return "run" in result ? Object.assign(new WorkflowRunSuccess(), { run: runView(result) }) : result;
    }
  }
  return WorkflowRunResolver;
}
