import { graphql } from "../../../gql";

export const AdminCommunityGroupsDocument = graphql(`
  query AdminCommunityGroups($first: Int, $after: String, $search: String, $includeArchived: Boolean) {
    communityGroups(first: $first, after: $after, search: $search, includeArchived: $includeArchived) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id name description coverImageUrl archived memberCount updatedAt } }
    }
  }
`);

export const OpenCommunityReportCountDocument = graphql(`
  query OpenCommunityReportCount {
    communityReports(first: 1, status: OPEN) { totalCount }
  }
`);

export const CreateCommunityGroupDocument = graphql(`
  mutation CreateCommunityGroup($input: CommunityGroupInput!) {
    createCommunityGroup(input: $input) {
      __typename
      ... on CommunityGroupSuccess { group { ...CommunityGroupHeader } }
      ... on UserError { message }
      ... on ValidationError { field }
    }
  }
`);

export const UpdateCommunityGroupDocument = graphql(`
  mutation UpdateCommunityGroup($id: ID!, $input: CommunityGroupInput!) {
    updateCommunityGroup(id: $id, input: $input) {
      __typename
      ... on CommunityGroupSuccess { group { ...CommunityGroupHeader } }
      ... on UserError { message }
      ... on ValidationError { field }
    }
  }
`);

export const ArchiveCommunityGroupDocument = graphql(`
  mutation ArchiveCommunityGroup($id: ID!) {
    archiveCommunityGroup(id: $id) {
      __typename
      ... on CommunityGroupSuccess { group { ...CommunityGroupHeader updatedAt } }
      ... on UserError { message }
    }
  }
`);

export const RestoreCommunityGroupDocument = graphql(`
  mutation RestoreCommunityGroup($id: ID!) {
    restoreCommunityGroup(id: $id) {
      __typename
      ... on CommunityGroupSuccess { group { ...CommunityGroupHeader updatedAt } }
      ... on UserError { message }
    }
  }
`);

export const CommunityGroupMembersDocument = graphql(`
  query CommunityGroupMembers($groupId: ID!, $first: Int, $after: String, $search: String) {
    communityGroup(id: $groupId) {
      id
      memberCount
      members(first: $first, after: $after, search: $search) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id contactId joinedAt person { ...CommunityPersonFields } } }
      }
    }
  }
`);

export const CommunityContactOptionsDocument = graphql(`
  query CommunityContactOptions($search: String) {
    contacts(first: 20, search: $search) {
      edges { node { id name email access { status } } }
    }
  }
`);

export const AddCommunityMembersDocument = graphql(`
  mutation AddCommunityMembers($groupId: ID!, $contactIds: [ID!]!, $inviteToPortal: Boolean!) {
    addCommunityMembers(groupId: $groupId, contactIds: $contactIds, inviteToPortal: $inviteToPortal) {
      __typename
      ... on CommunityMembersSuccess { group { id memberCount } added { id contactId } }
      ... on UserError { message }
    }
  }
`);

export const RemoveCommunityMemberDocument = graphql(`
  mutation RemoveCommunityMember($groupId: ID!, $contactId: ID!) {
    removeCommunityMember(groupId: $groupId, contactId: $contactId) {
      __typename
      ... on RemoveCommunityMemberSuccess { contactId group { id memberCount } }
      ... on UserError { message }
    }
  }
`);

export const CommunityReportsDocument = graphql(`
  query CommunityReports($first: Int, $after: String, $status: CommunityReportStatus, $groupId: ID) {
    communityReports(first: $first, after: $after, status: $status, groupId: $groupId) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          id
          groupId
          reason
          status
          createdAt
          resolvedAt
          resolution
          reporter { ...CommunityPersonFields }
          resolvedBy { ...CommunityPersonFields }
          post { id title html removed removedBy createdAt author { ...CommunityPersonFields } }
        }
      }
    }
  }
`);

export const ResolveCommunityReportDocument = graphql(`
  mutation ResolveCommunityReport($input: ResolveCommunityReportInput!) {
    resolveCommunityReport(input: $input) {
      __typename
      ... on CommunityReportSuccess { report { id status resolvedAt resolution post { id removed removedBy } } }
      ... on UserError { message }
    }
  }
`);
