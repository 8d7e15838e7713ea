import { graphql } from "../../../gql";

/** What one row of the documents list shows; live events carry the same. */
export const AdminDocumentListItemFragment = graphql(`
  fragment AdminDocumentListItem on Document {
    id
    title
    status
    sentAt
    createdAt
    updatedAt
    recipients { id name role status }
  }
`);

/** Everything the staff document page shows (draft editor and progress view alike). */
export const AdminDocumentDetailFragment = graphql(`
  fragment AdminDocumentDetail on Document {
    id
    title
    message
    status
    signingOrder
    fileName
    pageCount
    pages { number width height }
    originalSha256
    finalSha256
    originalPdfUrl
    signedPdfUrl
    expiresAt
    reminderIntervalDays
    createdAt
    updatedAt
    sentAt
    completedAt
    declinedAt
    voidedAt
    voidReason
    sentBy { id name }
    recipients {
      id
      kind
      contact { id name email access { status } }
      staff { id name email }
      name
      email
      role
      order
      status
      isTheirTurn
      viewedAt
      signedAt
      declinedAt
      declineReason
      signatureMethod
    }
    fields { id recipientId kind page x y width height label required value }
    myRecipient { id role status isTheirTurn }
  }
`);

export const AdminDocumentsDocument = graphql(`
  query AdminDocuments($first: Int, $after: String, $status: DocumentStatus, $search: String) {
    documents(first: $first, after: $after, status: $status, search: $search) {
      totalCount
      edges { cursor node { ...AdminDocumentListItem } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const AdminDocumentDocument = graphql(`
  query AdminDocument($id: ID!) {
    document(id: $id) { ...AdminDocumentDetail }
  }
`);

export const AdminDocumentAuditDocument = graphql(`
  query AdminDocumentAudit($id: ID!, $first: Int, $after: String) {
    document(id: $id) {
      id
      auditVerification { valid entries problem }
      auditTrail(first: $first, after: $after) {
        totalCount
        edges {
          cursor
          node { id sequence action actorKind actorName recipientId ip userAgent details occurredAt hash previousHash }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

export const AdminDocumentsChangedDocument = graphql(`
  subscription AdminDocumentsChanged {
    documentChanged {
      change
      recipientId
      document { ...AdminDocumentListItem }
    }
  }
`);

export const AdminDocumentChangedDocument = graphql(`
  subscription AdminDocumentChanged($documentId: ID!) {
    documentChanged(documentId: $documentId) {
      change
      recipientId
      document { ...AdminDocumentDetail }
    }
  }
`);

export const CreateDocumentDocument = graphql(`
  mutation AdminCreateDocument($input: DocumentInput!) {
    createDocument(input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on DocumentSuccess { document { ...AdminDocumentDetail } }
    }
  }
`);

export const UpdateDocumentDocument = graphql(`
  mutation AdminUpdateDocument($id: ID!, $input: DocumentInput!) {
    updateDocument(id: $id, input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on DocumentSuccess { document { ...AdminDocumentDetail } }
    }
  }
`);

export const SetDocumentRecipientsDocument = graphql(`
  mutation AdminSetDocumentRecipients($documentId: ID!, $recipients: [DocumentRecipientInput!]!) {
    setDocumentRecipients(documentId: $documentId, recipients: $recipients) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on DocumentSuccess { document { ...AdminDocumentDetail } }
    }
  }
`);

export const SetDocumentFieldsDocument = graphql(`
  mutation AdminSetDocumentFields($documentId: ID!, $fields: [DocumentFieldInput!]!) {
    setDocumentFields(documentId: $documentId, fields: $fields) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on DocumentSuccess { document { ...AdminDocumentDetail } }
    }
  }
`);

export const SendDocumentDocument = graphql(`
  mutation AdminSendDocument($id: ID!, $inviteToPortal: Boolean) {
    sendDocument(id: $id, inviteToPortal: $inviteToPortal) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on DocumentSuccess { document { ...AdminDocumentDetail } }
    }
  }
`);

export const VoidDocumentDocument = graphql(`
  mutation AdminVoidDocument($id: ID!, $reason: String!) {
    voidDocument(id: $id, reason: $reason) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on DocumentSuccess { document { ...AdminDocumentDetail } }
    }
  }
`);

export const RemindDocumentDocument = graphql(`
  mutation AdminRemindDocument($id: ID!) {
    remindDocument(id: $id) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on DocumentSuccess { document { ...AdminDocumentDetail } }
    }
  }
`);

export const DeleteDocumentDocument = graphql(`
  mutation AdminDeleteDocument($id: ID!) {
    deleteDocument(id: $id) {
      __typename
      ... on UserError { message }
      ... on DeleteDocumentSuccess { deletedId }
    }
  }
`);

export const DocumentContactOptionsDocument = graphql(`
  query AdminDocumentContactOptions($search: String) {
    contacts(first: 20, search: $search) {
      edges { node { id name email access { status } } }
    }
  }
`);

export const DocumentStaffOptionsDocument = graphql(`
  query AdminDocumentStaffOptions($search: String) {
    staffMembers(first: 20, search: $search) {
      edges { node { id name email } }
    }
  }
`);
