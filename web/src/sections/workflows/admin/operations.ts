import { graphql } from "../../../gql";

export const WorkflowFieldsFragment = graphql(`
  fragment WorkflowFields on Workflow {
    id
    name
    enabled
    trigger
    isDefault
    updatedAt
    conditions { field operator value }
    actions { type courseId groupId subject body amount unit }
  }
`);

export const WorkflowsDocument = graphql(`
  query Workflows($first: Int, $after: String) {
    workflows(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { ...WorkflowFields } }
    }
  }
`);

export const WorkflowDocument = graphql(`
  query Workflow($id: ID!) {
    workflow(id: $id) { ...WorkflowFields }
  }
`);

/** Each trigger with the fields conditions test and the placeholders emails use; offers name the "order paid" condition's values. */
export const WorkflowTriggersDocument = graphql(`
  query WorkflowTriggers {
    workflowTriggers { trigger label placeholders fields { name type label operators } }
  }
`);

export const WorkflowOfferOptionsDocument = graphql(`
  query WorkflowOfferOptions {
    offers(first: 100) { edges { node { id name } } }
  }
`);

export const CreateWorkflowDocument = graphql(`
  mutation CreateWorkflow($input: WorkflowInput!) {
    createWorkflow(input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on WorkflowSuccess { workflow { ...WorkflowFields } }
    }
  }
`);

export const UpdateWorkflowDocument = graphql(`
  mutation UpdateWorkflow($id: ID!, $input: WorkflowInput!) {
    updateWorkflow(id: $id, input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on WorkflowSuccess { workflow { ...WorkflowFields } }
    }
  }
`);

export const SetWorkflowEnabledDocument = graphql(`
  mutation SetWorkflowEnabled($id: ID!, $enabled: Boolean!) {
    setWorkflowEnabled(id: $id, enabled: $enabled) {
      __typename
      ... on UserError { message }
      ... on WorkflowSuccess { workflow { id enabled updatedAt } }
    }
  }
`);

export const DeleteWorkflowDocument = graphql(`
  mutation DeleteWorkflow($id: ID!) {
    deleteWorkflow(id: $id) {
      __typename
      ... on UserError { message }
      ... on DeleteWorkflowSuccess { id }
    }
  }
`);

export const WorkflowRunFieldsFragment = graphql(`
  fragment WorkflowRunFields on WorkflowRun {
    id
    workflowId
    workflowName
    trigger
    triggerSummary
    contactId
    contactName
    status
    reason
    startedAt
    finishedAt
    durationMs
    steps { position attempt actionType label status reason startedAt finishedAt dueAt }
  }
`);

export const WorkflowRunsDocument = graphql(`
  query WorkflowRuns($first: Int, $after: String, $workflowId: ID, $contactId: ID, $status: WorkflowRunStatus) {
    workflowRuns(first: $first, after: $after, workflowId: $workflowId, contactId: $contactId, status: $status) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { ...WorkflowRunFields } }
    }
  }
`);

export const WorkflowNamesDocument = graphql(`
  query WorkflowNames {
    workflows(first: 100) { edges { node { id name } } }
  }
`);

export const RerunWorkflowRunDocument = graphql(`
  mutation RerunWorkflowRun($id: ID!) {
    rerunWorkflowRun(id: $id) {
      __typename
      ... on UserError { message }
      ... on WorkflowRunSuccess { run { ...WorkflowRunFields } }
    }
  }
`);
