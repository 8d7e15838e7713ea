import { randomUUID } from "node:crypto";
import { type ActionOutcome, affiliates, communities, courses, type EventContract, identity } from "@portal/contracts";
import { deliverEvent, type RunningSubgraphProcess } from "@portal/kit";
import pg from "pg";
import { eventually, gql, staffOf, type TestBusiness } from "./helpers.js";

export const WORKFLOW_FIELDS = `id name enabled trigger isDefault conditions { field operator value } actions { type courseId groupId subject body amount unit }`;
export const RUN_FIELDS = `id workflowId workflowName trigger triggerSummary contactId contactName status reason startedAt finishedAt durationMs
  steps { position attempt actionType label status reason dueAt }`;

export const CREATE = `mutation Create($input: WorkflowInput!) { createWorkflow(input: $input) {
  __typename ... on UserError { message } ... on ValidationError { field } ... on WorkflowSuccess { workflow { ${WORKFLOW_FIELDS} } } } }`;
export const RUNS = `query Runs($workflowId: ID, $contactId: ID, $status: WorkflowRunStatus, $first: Int, $after: String) {
  workflowRuns(workflowId: $workflowId, contactId: $contactId, status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${RUN_FIELDS} } } } }`;

/** Reads what automation wrote to its outbox: the commands workflows sent to the sections that carry them out. */
export function outboxReader(databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  return {
    pool,
    async commands(businessId: string, type: string): Promise<Record<string, any>[]> {
      const { rows } = await pool.query(
        `select payload from automation.outbox_event where business_id = $1 and type = $2 order by created_at, id`,
        [businessId, type],
      );
      return rows.map((row) => row.payload);
    },
    close: () => pool.end(),
  };
}

export type Outbox = ReturnType<typeof outboxReader>;

/** Waits for the `count`-th command of a type for the business, and returns them all. */
export function commandsOf(outbox: Outbox, business: TestBusiness, contract: EventContract, count = 1) {
  return eventually(
    async () => {
      const rows = await outbox.commands(business.id, contract.name);
      return rows.length >= count && rows;
    },
    20_000,
    `${count} × ${contract.name}`,
  );
}

const OUTCOME_OF: Record<string, EventContract> = {
  [identity.inviteRequested.name]: identity.workflowActionFinished,
  [courses.enrolmentRequested.name]: courses.workflowActionFinished,
  [communities.memberAddRequested.name]: communities.workflowActionFinished,
  [communities.memberRemoveRequested.name]: communities.workflowActionFinished,
  [affiliates.affiliateRequested.name]: affiliates.workflowActionFinished,
};

/** Answers a command as its owner would, through the owner's outcome event. */
export function answer(
  running: RunningSubgraphProcess,
  business: TestBusiness,
  command: EventContract,
  source: string,
  status: ActionOutcome["status"] = "DONE",
  reason: string | null = null,
) {
  const contract = OUTCOME_OF[command.name] as EventContract;
  return deliverEvent(running.boss, contract, business.id, { source, status, reason }, { eventId: randomUUID() });
}

export async function createWorkflow(running: RunningSubgraphProcess, business: TestBusiness, input: Record<string, unknown>) {
  const response = await gql(running, staffOf(business), CREATE, { input: { conditions: [], ...input } });
  const result = response.data?.createWorkflow;
  if (result?.__typename !== "WorkflowSuccess") throw new Error(`createWorkflow: ${JSON.stringify(response)}`);
  return result.workflow;
}

export async function runsOf(running: RunningSubgraphProcess, business: TestBusiness, filters: Record<string, unknown> = {}) {
  const response = await gql(running, staffOf(business), RUNS, { first: 50, ...filters });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data.workflowRuns.edges.map((edge: any) => edge.node) as any[];
}

/** Waits until the workflow's run for the contact reaches `status`. */
export function runReaching(
  running: RunningSubgraphProcess,
  business: TestBusiness,
  workflowId: string,
  status: string,
  contactId?: string,
) {
  return eventually(
    async () => (await runsOf(running, business, { workflowId, contactId })).find((run) => run.status === status),
    25_000,
    `a ${status} run of ${workflowId}`,
  );
}
