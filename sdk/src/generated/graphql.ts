/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Fields of a contact that staff edit. */
export type ContactInput = {
  /** Do not disturb; defaults to false. */
  dnd?: boolean | null | undefined;
  /** Email address, unique within the business (case-insensitive). */
  email: string;
  /** Full name. */
  name: string;
  /** Phone number. */
  phone?: string | null | undefined;
  /** Only when creating: the code of the affiliate link the contact arrived through (`/r/<code>`, the `ref` parameter of its landing page), 1 to 64 letters, digits, `-` or `_`; surrounding spaces are ignored and blank means none. Identity checks only its shape: the affiliates section owns the links and credits the link's affiliate when the code is one of the business's (an unknown code refers nobody). updateContact refuses it. */
  referralCode?: string | null | undefined;
};

/** DRAFT → SENT → PARTIALLY_SIGNED (someone acted) → COMPLETED; or DECLINED, VOIDED (by staff), EXPIRED (past expiresAt). */
export type DocumentStatus =
  | 'COMPLETED'
  | 'DECLINED'
  | 'DRAFT'
  | 'EXPIRED'
  | 'PARTIALLY_SIGNED'
  | 'SENT'
  | 'VOIDED';

/** Fields staff write on a new or draft invoice. */
export type InvoiceInput = {
  /** The contact billed. */
  contactId: string | number;
  /** ISO 4217 currency code, e.g. USD. */
  currency: string;
  /** Fixed discount in minor units, at most the subtotal. */
  discountAmount?: number | null | undefined;
  /** Due date, YYYY-MM-DD, not before the issue date. */
  dueDate: string;
  /** Issue date, YYYY-MM-DD. */
  issueDate: string;
  /** Line items, at least one. */
  lines: Array<InvoiceLineInput>;
  /** Internal memo, staff only. */
  memo?: string | null | undefined;
  /** Notes shown to the client. */
  notes?: string | null | undefined;
  /** Tax rate in basis points (825 = 8.25 %). */
  taxRateBps?: number | null | undefined;
};

/** One line of an invoice being written. */
export type InvoiceLineInput = {
  /** What was sold or done. */
  description: string;
  /** How many (whole units, 1 or more). */
  quantity: number;
  /** Price of one unit in minor units (e.g. cents). */
  unitPrice: number;
};

/** Where an invoice is: DRAFT → OPEN (sent) → PAID, or VOID; OVERDUE is an OPEN invoice past its due date; refunds lead to (PARTIALLY_)REFUNDED. */
export type InvoiceStatus =
  | 'DRAFT'
  | 'OPEN'
  | 'OVERDUE'
  | 'PAID'
  | 'PARTIALLY_REFUNDED'
  | 'REFUNDED'
  | 'VOID';

/** How money received outside the portal was paid. */
export type OfflinePaymentMethod =
  | 'BANK_TRANSFER'
  | 'CARD'
  | 'CASH'
  | 'CHECK'
  | 'OTHER';

/** Money received, or money given back. */
export type PaymentKind =
  | 'PAYMENT'
  | 'REFUND';

/** How clients pay online: STRIPE (card, Payment Element), TEST (completes locally, no money moves), OFFLINE (no online payment; staff record payments). */
export type PaymentMode =
  | 'OFFLINE'
  | 'STRIPE'
  | 'TEST';

/** Where a contact is in the portal access lifecycle. */
export type PortalAccessStatus =
  | 'ACTIVE'
  | 'INVITED'
  | 'NONE'
  | 'REVOKED';

/** SIGNER signs their fields; APPROVER approves without fields; CC only receives the completed copy. */
export type RecipientRole =
  | 'APPROVER'
  | 'CC'
  | 'SIGNER';

/** Where a recipient is; NOT_REQUIRED for CC recipients, who never act. */
export type RecipientStatus =
  | 'APPROVED'
  | 'DECLINED'
  | 'NOT_REQUIRED'
  | 'PENDING'
  | 'SIGNED';

/** A payment staff received outside the portal. */
export type RecordPaymentInput = {
  /** Amount in minor units; defaults to the whole amount due. */
  amount?: number | null | undefined;
  /** The open invoice paid. */
  invoiceId: string | number;
  /** How it was paid. */
  method: OfflinePaymentMethod;
  /** Cheque number, transfer reference or other note. */
  reference?: string | null | undefined;
};

/** Which kind of caller the viewer is. */
export type ViewerKind =
  | 'ANONYMOUS'
  | 'API_KEY'
  | 'CONTACT'
  | 'OPERATOR'
  | 'STAFF';

export type ContactsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
  accessStatus?: PortalAccessStatus | null | undefined;
}>;


export type ContactsQuery = { contacts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, email: string, phone: string | null, dnd: boolean, createdAt: string, access: { status: PortalAccessStatus, invitedAt: string | null, lastLoginAt: string | null } } }> } };

export type ContactQueryVariables = Exact<{
  id: string | number;
}>;


export type ContactQuery = { contact: { id: string, name: string, email: string, phone: string | null, dnd: boolean, createdAt: string, access: { status: PortalAccessStatus, invitedAt: string | null, lastLoginAt: string | null } } | null };

export type CreateContactMutationVariables = Exact<{
  input: ContactInput;
}>;


export type CreateContactMutation = { createContact:
    | { __typename: 'ContactSuccess', contact: { id: string, name: string, email: string, phone: string | null, dnd: boolean, createdAt: string, access: { status: PortalAccessStatus, invitedAt: string | null, lastLoginAt: string | null } } }
    | { __typename: 'EmailTakenError', message: string, field: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string, field: string }
   };

export type UpdateContactMutationVariables = Exact<{
  id: string | number;
  input: ContactInput;
}>;


export type UpdateContactMutation = { updateContact:
    | { __typename: 'ContactSuccess', contact: { id: string, name: string, email: string, phone: string | null, dnd: boolean, createdAt: string, access: { status: PortalAccessStatus, invitedAt: string | null, lastLoginAt: string | null } } }
    | { __typename: 'EmailTakenError', message: string, field: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string, field: string }
   };

export type SendInvitationMutationVariables = Exact<{
  contactId: string | number;
}>;


export type SendInvitationMutation = { sendInvitation:
    | { __typename: 'InvitationSuccess', contact: { id: string, name: string, email: string, phone: string | null, dnd: boolean, createdAt: string, access: { status: PortalAccessStatus, invitedAt: string | null, lastLoginAt: string | null } } }
    | { __typename: 'NotFoundError', message: string }
   };

export type DocumentsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  status?: DocumentStatus | null | undefined;
  contactId?: string | number | null | undefined;
  search?: string | null | undefined;
}>;


export type DocumentsQuery = { documents: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, title: string, status: DocumentStatus, fileName: string | null, createdAt: string, sentAt: string | null, completedAt: string | null, signedPdfUrl: string | null, recipients: Array<{ id: string, name: string, email: string, role: RecipientRole, status: RecipientStatus }> } }> } };

export type DocumentQueryVariables = Exact<{
  id: string | number;
}>;


export type DocumentQuery = { document: { id: string, title: string, status: DocumentStatus, fileName: string | null, createdAt: string, sentAt: string | null, completedAt: string | null, signedPdfUrl: string | null, recipients: Array<{ id: string, name: string, email: string, role: RecipientRole, status: RecipientStatus }> } | null };

export type PageInfoFieldsFragment = { hasNextPage: boolean, endCursor: string | null };

export type ContactFieldsFragment = { id: string, name: string, email: string, phone: string | null, dnd: boolean, createdAt: string, access: { status: PortalAccessStatus, invitedAt: string | null, lastLoginAt: string | null } };

export type InvoiceFieldsFragment = { id: string, number: number, status: InvoiceStatus, overdue: boolean, currency: string, subtotal: number, discount: number, tax: number, total: number, amountPaid: number, amountRefunded: number, amountDue: number, issueDate: string, dueDate: string, notes: string, sentAt: string | null, paidAt: string | null, contact: { id: string, name: string, email: string }, lines: Array<{ description: string, quantity: number, unitPrice: number, amount: number }>, payments: Array<{ id: string, kind: PaymentKind, amount: number, method: string, reference: string | null, createdAt: string }> };

export type DocumentFieldsFragment = { id: string, title: string, status: DocumentStatus, fileName: string | null, createdAt: string, sentAt: string | null, completedAt: string | null, signedPdfUrl: string | null, recipients: Array<{ id: string, name: string, email: string, role: RecipientRole, status: RecipientStatus }> };

export type InvoicesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  status?: InvoiceStatus | null | undefined;
  contactId?: string | number | null | undefined;
  issuedFrom?: string | null | undefined;
  issuedTo?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type InvoicesQuery = { invoices: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, number: number, status: InvoiceStatus, overdue: boolean, currency: string, subtotal: number, discount: number, tax: number, total: number, amountPaid: number, amountRefunded: number, amountDue: number, issueDate: string, dueDate: string, notes: string, sentAt: string | null, paidAt: string | null, contact: { id: string, name: string, email: string }, lines: Array<{ description: string, quantity: number, unitPrice: number, amount: number }>, payments: Array<{ id: string, kind: PaymentKind, amount: number, method: string, reference: string | null, createdAt: string }> } }> } };

export type InvoiceQueryVariables = Exact<{
  id: string | number;
}>;


export type InvoiceQuery = { invoice: { id: string, number: number, status: InvoiceStatus, overdue: boolean, currency: string, subtotal: number, discount: number, tax: number, total: number, amountPaid: number, amountRefunded: number, amountDue: number, issueDate: string, dueDate: string, notes: string, sentAt: string | null, paidAt: string | null, contact: { id: string, name: string, email: string }, lines: Array<{ description: string, quantity: number, unitPrice: number, amount: number }>, payments: Array<{ id: string, kind: PaymentKind, amount: number, method: string, reference: string | null, createdAt: string }> } | null };

export type CreateInvoiceMutationVariables = Exact<{
  input: InvoiceInput;
}>;


export type CreateInvoiceMutation = { createInvoice:
    | { __typename: 'InvoiceStateError', message: string }
    | { __typename: 'InvoiceSuccess', invoice: { id: string, number: number, status: InvoiceStatus, overdue: boolean, currency: string, subtotal: number, discount: number, tax: number, total: number, amountPaid: number, amountRefunded: number, amountDue: number, issueDate: string, dueDate: string, notes: string, sentAt: string | null, paidAt: string | null, contact: { id: string, name: string, email: string }, lines: Array<{ description: string, quantity: number, unitPrice: number, amount: number }>, payments: Array<{ id: string, kind: PaymentKind, amount: number, method: string, reference: string | null, createdAt: string }> } }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string, field: string }
   };

export type SendInvoiceMutationVariables = Exact<{
  id: string | number;
  inviteToPortal?: boolean | null | undefined;
}>;


export type SendInvoiceMutation = { sendInvoice:
    | { __typename: 'InvoiceStateError', message: string }
    | { __typename: 'InvoiceSuccess', invoice: { id: string, number: number, status: InvoiceStatus, overdue: boolean, currency: string, subtotal: number, discount: number, tax: number, total: number, amountPaid: number, amountRefunded: number, amountDue: number, issueDate: string, dueDate: string, notes: string, sentAt: string | null, paidAt: string | null, contact: { id: string, name: string, email: string }, lines: Array<{ description: string, quantity: number, unitPrice: number, amount: number }>, payments: Array<{ id: string, kind: PaymentKind, amount: number, method: string, reference: string | null, createdAt: string }> } }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type VoidInvoiceMutationVariables = Exact<{
  id: string | number;
}>;


export type VoidInvoiceMutation = { voidInvoice:
    | { __typename: 'InvoiceStateError', message: string }
    | { __typename: 'InvoiceSuccess', invoice: { id: string, number: number, status: InvoiceStatus, overdue: boolean, currency: string, subtotal: number, discount: number, tax: number, total: number, amountPaid: number, amountRefunded: number, amountDue: number, issueDate: string, dueDate: string, notes: string, sentAt: string | null, paidAt: string | null, contact: { id: string, name: string, email: string }, lines: Array<{ description: string, quantity: number, unitPrice: number, amount: number }>, payments: Array<{ id: string, kind: PaymentKind, amount: number, method: string, reference: string | null, createdAt: string }> } }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type RecordPaymentMutationVariables = Exact<{
  input: RecordPaymentInput;
}>;


export type RecordPaymentMutation = { recordPayment:
    | { __typename: 'InvoiceStateError', message: string }
    | { __typename: 'InvoiceSuccess', invoice: { id: string, number: number, status: InvoiceStatus, overdue: boolean, currency: string, subtotal: number, discount: number, tax: number, total: number, amountPaid: number, amountRefunded: number, amountDue: number, issueDate: string, dueDate: string, notes: string, sentAt: string | null, paidAt: string | null, contact: { id: string, name: string, email: string }, lines: Array<{ description: string, quantity: number, unitPrice: number, amount: number }>, payments: Array<{ id: string, kind: PaymentKind, amount: number, method: string, reference: string | null, createdAt: string }> } }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string, field: string }
   };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { kind: ViewerKind, business: { id: string, name: string, slug: string } | null } };

export type PaymentOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type PaymentOptionsQuery = { paymentOptions: { paymentMode: PaymentMode, testMode: boolean } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const PageInfoFieldsFragmentDoc = new TypedDocumentString(`
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
    `, {"fragmentName":"PageInfoFields"}) as unknown as TypedDocumentString<PageInfoFieldsFragment, unknown>;
export const ContactFieldsFragmentDoc = new TypedDocumentString(`
    fragment ContactFields on Contact {
  id
  name
  email
  phone
  dnd
  access {
    status
    invitedAt
    lastLoginAt
  }
  createdAt
}
    `, {"fragmentName":"ContactFields"}) as unknown as TypedDocumentString<ContactFieldsFragment, unknown>;
export const InvoiceFieldsFragmentDoc = new TypedDocumentString(`
    fragment InvoiceFields on Invoice {
  id
  number
  status
  overdue
  currency
  contact {
    id
    name
    email
  }
  lines {
    description
    quantity
    unitPrice
    amount
  }
  subtotal
  discount
  tax
  total
  amountPaid
  amountRefunded
  amountDue
  issueDate
  dueDate
  notes
  sentAt
  paidAt
  payments {
    id
    kind
    amount
    method
    reference
    createdAt
  }
}
    `, {"fragmentName":"InvoiceFields"}) as unknown as TypedDocumentString<InvoiceFieldsFragment, unknown>;
export const DocumentFieldsFragmentDoc = new TypedDocumentString(`
    fragment DocumentFields on Document {
  id
  title
  status
  fileName
  recipients {
    id
    name
    email
    role
    status
  }
  createdAt
  sentAt
  completedAt
  signedPdfUrl
}
    `, {"fragmentName":"DocumentFields"}) as unknown as TypedDocumentString<DocumentFieldsFragment, unknown>;
export const ContactsDocument = new TypedDocumentString(`
    query Contacts($first: Int, $after: String, $search: String, $accessStatus: PortalAccessStatus) {
  contacts(
    first: $first
    after: $after
    search: $search
    accessStatus: $accessStatus
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...ContactFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment ContactFields on Contact {
  id
  name
  email
  phone
  dnd
  access {
    status
    invitedAt
    lastLoginAt
  }
  createdAt
}`) as unknown as TypedDocumentString<ContactsQuery, ContactsQueryVariables>;
export const ContactDocument = new TypedDocumentString(`
    query Contact($id: ID!) {
  contact(id: $id) {
    ...ContactFields
  }
}
    fragment ContactFields on Contact {
  id
  name
  email
  phone
  dnd
  access {
    status
    invitedAt
    lastLoginAt
  }
  createdAt
}`) as unknown as TypedDocumentString<ContactQuery, ContactQueryVariables>;
export const CreateContactDocument = new TypedDocumentString(`
    mutation CreateContact($input: ContactInput!) {
  createContact(input: $input) {
    __typename
    ... on ContactSuccess {
      contact {
        ...ContactFields
      }
    }
    ... on UserError {
      message
    }
    ... on ValidationError {
      field
    }
    ... on EmailTakenError {
      field
    }
  }
}
    fragment ContactFields on Contact {
  id
  name
  email
  phone
  dnd
  access {
    status
    invitedAt
    lastLoginAt
  }
  createdAt
}`) as unknown as TypedDocumentString<CreateContactMutation, CreateContactMutationVariables>;
export const UpdateContactDocument = new TypedDocumentString(`
    mutation UpdateContact($id: ID!, $input: ContactInput!) {
  updateContact(id: $id, input: $input) {
    __typename
    ... on ContactSuccess {
      contact {
        ...ContactFields
      }
    }
    ... on UserError {
      message
    }
    ... on ValidationError {
      field
    }
    ... on EmailTakenError {
      field
    }
  }
}
    fragment ContactFields on Contact {
  id
  name
  email
  phone
  dnd
  access {
    status
    invitedAt
    lastLoginAt
  }
  createdAt
}`) as unknown as TypedDocumentString<UpdateContactMutation, UpdateContactMutationVariables>;
export const SendInvitationDocument = new TypedDocumentString(`
    mutation SendInvitation($contactId: ID!) {
  sendInvitation(contactId: $contactId) {
    __typename
    ... on InvitationSuccess {
      contact {
        ...ContactFields
      }
    }
    ... on UserError {
      message
    }
  }
}
    fragment ContactFields on Contact {
  id
  name
  email
  phone
  dnd
  access {
    status
    invitedAt
    lastLoginAt
  }
  createdAt
}`) as unknown as TypedDocumentString<SendInvitationMutation, SendInvitationMutationVariables>;
export const DocumentsDocument = new TypedDocumentString(`
    query Documents($first: Int, $after: String, $status: DocumentStatus, $contactId: ID, $search: String) {
  documents(
    first: $first
    after: $after
    status: $status
    contactId: $contactId
    search: $search
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...DocumentFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment DocumentFields on Document {
  id
  title
  status
  fileName
  recipients {
    id
    name
    email
    role
    status
  }
  createdAt
  sentAt
  completedAt
  signedPdfUrl
}`) as unknown as TypedDocumentString<DocumentsQuery, DocumentsQueryVariables>;
export const DocumentDocument = new TypedDocumentString(`
    query Document($id: ID!) {
  document(id: $id) {
    ...DocumentFields
  }
}
    fragment DocumentFields on Document {
  id
  title
  status
  fileName
  recipients {
    id
    name
    email
    role
    status
  }
  createdAt
  sentAt
  completedAt
  signedPdfUrl
}`) as unknown as TypedDocumentString<DocumentQuery, DocumentQueryVariables>;
export const InvoicesDocument = new TypedDocumentString(`
    query Invoices($first: Int, $after: String, $status: InvoiceStatus, $contactId: ID, $issuedFrom: String, $issuedTo: String, $search: String) {
  invoices(
    first: $first
    after: $after
    status: $status
    contactId: $contactId
    issuedFrom: $issuedFrom
    issuedTo: $issuedTo
    search: $search
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...InvoiceFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment InvoiceFields on Invoice {
  id
  number
  status
  overdue
  currency
  contact {
    id
    name
    email
  }
  lines {
    description
    quantity
    unitPrice
    amount
  }
  subtotal
  discount
  tax
  total
  amountPaid
  amountRefunded
  amountDue
  issueDate
  dueDate
  notes
  sentAt
  paidAt
  payments {
    id
    kind
    amount
    method
    reference
    createdAt
  }
}`) as unknown as TypedDocumentString<InvoicesQuery, InvoicesQueryVariables>;
export const InvoiceDocument = new TypedDocumentString(`
    query Invoice($id: ID!) {
  invoice(id: $id) {
    ...InvoiceFields
  }
}
    fragment InvoiceFields on Invoice {
  id
  number
  status
  overdue
  currency
  contact {
    id
    name
    email
  }
  lines {
    description
    quantity
    unitPrice
    amount
  }
  subtotal
  discount
  tax
  total
  amountPaid
  amountRefunded
  amountDue
  issueDate
  dueDate
  notes
  sentAt
  paidAt
  payments {
    id
    kind
    amount
    method
    reference
    createdAt
  }
}`) as unknown as TypedDocumentString<InvoiceQuery, InvoiceQueryVariables>;
export const CreateInvoiceDocument = new TypedDocumentString(`
    mutation CreateInvoice($input: InvoiceInput!) {
  createInvoice(input: $input) {
    __typename
    ... on InvoiceSuccess {
      invoice {
        ...InvoiceFields
      }
    }
    ... on UserError {
      message
    }
    ... on ValidationError {
      field
    }
  }
}
    fragment InvoiceFields on Invoice {
  id
  number
  status
  overdue
  currency
  contact {
    id
    name
    email
  }
  lines {
    description
    quantity
    unitPrice
    amount
  }
  subtotal
  discount
  tax
  total
  amountPaid
  amountRefunded
  amountDue
  issueDate
  dueDate
  notes
  sentAt
  paidAt
  payments {
    id
    kind
    amount
    method
    reference
    createdAt
  }
}`) as unknown as TypedDocumentString<CreateInvoiceMutation, CreateInvoiceMutationVariables>;
export const SendInvoiceDocument = new TypedDocumentString(`
    mutation SendInvoice($id: ID!, $inviteToPortal: Boolean) {
  sendInvoice(id: $id, inviteToPortal: $inviteToPortal) {
    __typename
    ... on InvoiceSuccess {
      invoice {
        ...InvoiceFields
      }
    }
    ... on UserError {
      message
    }
  }
}
    fragment InvoiceFields on Invoice {
  id
  number
  status
  overdue
  currency
  contact {
    id
    name
    email
  }
  lines {
    description
    quantity
    unitPrice
    amount
  }
  subtotal
  discount
  tax
  total
  amountPaid
  amountRefunded
  amountDue
  issueDate
  dueDate
  notes
  sentAt
  paidAt
  payments {
    id
    kind
    amount
    method
    reference
    createdAt
  }
}`) as unknown as TypedDocumentString<SendInvoiceMutation, SendInvoiceMutationVariables>;
export const VoidInvoiceDocument = new TypedDocumentString(`
    mutation VoidInvoice($id: ID!) {
  voidInvoice(id: $id) {
    __typename
    ... on InvoiceSuccess {
      invoice {
        ...InvoiceFields
      }
    }
    ... on UserError {
      message
    }
  }
}
    fragment InvoiceFields on Invoice {
  id
  number
  status
  overdue
  currency
  contact {
    id
    name
    email
  }
  lines {
    description
    quantity
    unitPrice
    amount
  }
  subtotal
  discount
  tax
  total
  amountPaid
  amountRefunded
  amountDue
  issueDate
  dueDate
  notes
  sentAt
  paidAt
  payments {
    id
    kind
    amount
    method
    reference
    createdAt
  }
}`) as unknown as TypedDocumentString<VoidInvoiceMutation, VoidInvoiceMutationVariables>;
export const RecordPaymentDocument = new TypedDocumentString(`
    mutation RecordPayment($input: RecordPaymentInput!) {
  recordPayment(input: $input) {
    __typename
    ... on InvoiceSuccess {
      invoice {
        ...InvoiceFields
      }
    }
    ... on UserError {
      message
    }
    ... on ValidationError {
      field
    }
  }
}
    fragment InvoiceFields on Invoice {
  id
  number
  status
  overdue
  currency
  contact {
    id
    name
    email
  }
  lines {
    description
    quantity
    unitPrice
    amount
  }
  subtotal
  discount
  tax
  total
  amountPaid
  amountRefunded
  amountDue
  issueDate
  dueDate
  notes
  sentAt
  paidAt
  payments {
    id
    kind
    amount
    method
    reference
    createdAt
  }
}`) as unknown as TypedDocumentString<RecordPaymentMutation, RecordPaymentMutationVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    kind
    business {
      id
      name
      slug
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const PaymentOptionsDocument = new TypedDocumentString(`
    query PaymentOptions {
  paymentOptions {
    paymentMode
    testMode
  }
}
    `) as unknown as TypedDocumentString<PaymentOptionsQuery, PaymentOptionsQueryVariables>;