import { ConnectionArgs, type Connection, mapConnection, NotFoundError, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { OPERATORS_BY_TYPE } from "./conditions.js";
import { fieldsOf, TRIGGERS, WorkflowTrigger } from "./triggers.js";
import { emailPlaceholders } from "./workflow-email.js";
import type { Workflow } from "./workflow.entity.js";
import { createWorkflow, deleteWorkflow, findWorkflow, listWorkflows, setWorkflowEnabled, updateWorkflow } from "./workflow.service.js";
import {
  DeleteWorkflowResult,
  DeleteWorkflowSuccess,
  WorkflowConnection,
  type WorkflowConditionOperator,
  WorkflowInput,
  WorkflowResult,
  WorkflowSuccess,
  WorkflowTriggerInfoView,
  WorkflowView,
} from "./workflow.types.js";

export function workflowView(workflow: Workflow): WorkflowView {
  return Object.assign(new WorkflowView(), {
    ...workflow,
    isDefault: workflow.defaultKey !== null,
    actions: workflow.actions.map((action) => ({
      courseId: null,
      groupId: null,
      subject: null,
      body: null,
      amount: null,
      unit: null,
      ...action,
    })),
  });
}

const success = (workflow: Workflow) => Object.assign(new WorkflowSuccess(), { workflow: workflowView(workflow) });

@Resolver()
export class WorkflowResolver {
  @Query(() => WorkflowConnection, { description: "The business's workflows, oldest first, the default ones included (staff)." })
  async workflows(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg("trigger", () => WorkflowTrigger, { nullable: true, description: "Only workflows with this trigger." })
    trigger: WorkflowTrigger | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<WorkflowView>> {
    const { businessId } = requireStaff(ctx.caller);
    return mapConnection(await listWorkflows(ctx.em, businessId, { ...page, trigger }), workflowView);
  }

  @Query(() => WorkflowView, { nullable: true, description: "One workflow of the business; null when there is no such workflow (staff)." })
  async workflow(
    @Arg("id", () => ID, { description: "Workflow id." }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<WorkflowView | null> {
    requireStaff(ctx.caller);
    const workflow = await findWorkflow(ctx.em, id);
    return workflow ? workflowView(workflow) : null;
  }

  @Query(() => [WorkflowTriggerInfoView], {
    description: "Every trigger with the fields its conditions test and the placeholders its emails use (staff).",
  })
  workflowTriggers(@Ctx() ctx: SubgraphContext): WorkflowTriggerInfoView[] {
    requireStaff(ctx.caller);
    return TRIGGERS.map(({ trigger, label }) => ({
      trigger,
      label,
      fields: fieldsOf(trigger).map((field) => ({ ...field, operators: OPERATORS_BY_TYPE[field.type] as WorkflowConditionOperator[] })),
      placeholders: emailPlaceholders(trigger),
    }));
  }

  @Mutation(() => WorkflowResult, { description: "Creates a workflow (staff)." })
  async createWorkflow(
    @Arg("input", () => WorkflowInput, { description: "The workflow." }) input: WorkflowInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof WorkflowResult> {
    const { businessId } = requireStaff(ctx.caller, "write");
    const result = await createWorkflow(ctx.em, businessId, input);
    return "id" in result ? success(result) : result;
  }

  @Mutation(() => WorkflowResult, { description: "Replaces a workflow's definition; runs already started keep their steps (staff)." })
  async updateWorkflow(
    @Arg("id", () => ID, { description: "Workflow id." }) id: string,
    @Arg("input", () => WorkflowInput, { description: "The whole new definition." }) input: WorkflowInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof WorkflowResult> {
    requireStaff(ctx.caller, "write");
    const result = await updateWorkflow(ctx.em, id, input);
    return "id" in result ? success(result) : result;
  }

  @Mutation(() => WorkflowResult, { description: "Turns a workflow on or off (staff)." })
  async setWorkflowEnabled(
    @Arg("id", () => ID, { description: "Workflow id." }) id: string,
    @Arg("enabled", () => Boolean, { description: "On or off." }) enabled: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof WorkflowResult> {
    requireStaff(ctx.caller, "write");
    const result = await setWorkflowEnabled(ctx.em, id, enabled);
    return result instanceof NotFoundError ? result : success(result);
  }

  @Mutation(() => DeleteWorkflowResult, { description: "Deletes a workflow; its runs stay in the execution log (staff)." })
  async deleteWorkflow(
    @Arg("id", () => ID, { description: "Workflow id." }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof DeleteWorkflowResult> {
    requireStaff(ctx.caller, "write");
    const result = await deleteWorkflow(ctx.em, id);
    return result instanceof NotFoundError ? result : Object.assign(new DeleteWorkflowSuccess(), { id: result });
  }
}
