/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      __typename\n      ... on UserError { message }\n      ... on ApiKeyRevoked { apiKey { id revokedAt } }\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query ApiKeys($first: Int, $after: String) {\n    apiKeys(first: $first, after: $after) {\n      edges { cursor node { id name prefix scopes createdAt lastUsedAt revokedAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on ApiKeyCreated { secret apiKey { id name prefix } }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation SendInvitation($contactId: ID!) {\n    sendInvitation(contactId: $contactId) {\n      __typename\n      ... on UserError { message }\n      ... on InvitationSuccess { contact { ...ContactListItem } }\n    }\n  }\n": typeof types.SendInvitationDocument,
    "\n  mutation RevokeAccess($contactId: ID!) {\n    revokeAccess(contactId: $contactId) {\n      __typename\n      ... on UserError { message }\n      ... on RevokeAccessSuccess { contact { ...ContactListItem } }\n    }\n  }\n": typeof types.RevokeAccessDocument,
    "\n  query ContactDetail($id: ID!) {\n    contact(id: $id) {\n      ...ContactListItem\n      createdAt\n      sessions { id createdAt lastSeenAt expiresAt ip userAgent current }\n    }\n  }\n": typeof types.ContactDetailDocument,
    "\n  mutation CreateContact($input: ContactInput!) {\n    createContact(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on ContactSuccess { contact { ...ContactListItem } }\n    }\n  }\n": typeof types.CreateContactDocument,
    "\n  mutation UpdateContact($id: ID!, $input: ContactInput!) {\n    updateContact(id: $id, input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on ContactSuccess { contact { ...ContactListItem } }\n    }\n  }\n": typeof types.UpdateContactDocument,
    "\n  query ContactForEdit($id: ID!) {\n    contact(id: $id) { ...ContactListItem }\n  }\n": typeof types.ContactForEditDocument,
    "\n  query Contacts($first: Int, $after: String, $search: String, $accessStatus: PortalAccessStatus) {\n    contacts(first: $first, after: $after, search: $search, accessStatus: $accessStatus) {\n      totalCount\n      edges { cursor node { ...ContactListItem } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ContactsDocument,
    "\n  mutation EndSession($sessionId: ID!) {\n    endSession(sessionId: $sessionId) {\n      __typename\n      ... on UserError { message }\n    }\n  }\n": typeof types.EndSessionDocument,
    "\n  fragment ContactListItem on Contact {\n    id\n    name\n    email\n    phone\n    dnd\n    access { status invitedAt lastLoginAt revokedAt }\n  }\n": typeof types.ContactListItemFragmentDoc,
    "\n  subscription ContactAccessChanged {\n    contactAccessChanged {\n      change\n      contact { ...ContactListItem }\n    }\n  }\n": typeof types.ContactAccessChangedDocument,
    "\n  query AdminCounterSign($id: ID!) {\n    document(id: $id) {\n      ...AdminDocumentDetail\n      ...SigningDocument\n    }\n  }\n": typeof types.AdminCounterSignDocument,
    "\n  mutation AdminViewDocument($id: ID!) {\n    viewDocument(id: $id) {\n      __typename\n      ... on UserError { message }\n      ... on DocumentSuccess { document { id recipients { id viewedAt } myRecipient { id viewedAt } } }\n    }\n  }\n": typeof types.AdminViewDocumentDocument,
    "\n  fragment AdminDocumentListItem on Document {\n    id\n    title\n    status\n    sentAt\n    createdAt\n    updatedAt\n    recipients { id name role status }\n  }\n": typeof types.AdminDocumentListItemFragmentDoc,
    "\n  fragment AdminDocumentDetail on Document {\n    id\n    title\n    message\n    status\n    signingOrder\n    fileName\n    pageCount\n    pages { number width height }\n    originalSha256\n    finalSha256\n    originalPdfUrl\n    signedPdfUrl\n    expiresAt\n    reminderIntervalDays\n    createdAt\n    updatedAt\n    sentAt\n    completedAt\n    declinedAt\n    voidedAt\n    voidReason\n    sentBy { id name }\n    recipients {\n      id\n      kind\n      contact { id name email }\n      staff { id name email }\n      name\n      email\n      role\n      order\n      status\n      isTheirTurn\n      viewedAt\n      signedAt\n      declinedAt\n      declineReason\n      signatureMethod\n    }\n    fields { id recipientId kind page x y width height label required value }\n    myRecipient { id role status isTheirTurn }\n  }\n": typeof types.AdminDocumentDetailFragmentDoc,
    "\n  query AdminDocuments($first: Int, $after: String, $status: DocumentStatus, $search: String) {\n    documents(first: $first, after: $after, status: $status, search: $search) {\n      totalCount\n      edges { cursor node { ...AdminDocumentListItem } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.AdminDocumentsDocument,
    "\n  query AdminDocument($id: ID!) {\n    document(id: $id) { ...AdminDocumentDetail }\n  }\n": typeof types.AdminDocumentDocument,
    "\n  query AdminDocumentAudit($id: ID!, $first: Int, $after: String) {\n    document(id: $id) {\n      id\n      auditVerification { valid entries problem }\n      auditTrail(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node { id sequence action actorKind actorName recipientId ip userAgent details occurredAt hash previousHash }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.AdminDocumentAuditDocument,
    "\n  subscription AdminDocumentsChanged {\n    documentChanged {\n      change\n      recipientId\n      document { ...AdminDocumentListItem }\n    }\n  }\n": typeof types.AdminDocumentsChangedDocument,
    "\n  subscription AdminDocumentChanged($documentId: ID!) {\n    documentChanged(documentId: $documentId) {\n      change\n      recipientId\n      document { ...AdminDocumentDetail }\n    }\n  }\n": typeof types.AdminDocumentChangedDocument,
    "\n  mutation AdminCreateDocument($input: DocumentInput!) {\n    createDocument(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n": typeof types.AdminCreateDocumentDocument,
    "\n  mutation AdminUpdateDocument($id: ID!, $input: DocumentInput!) {\n    updateDocument(id: $id, input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n": typeof types.AdminUpdateDocumentDocument,
    "\n  mutation AdminSetDocumentRecipients($documentId: ID!, $recipients: [DocumentRecipientInput!]!) {\n    setDocumentRecipients(documentId: $documentId, recipients: $recipients) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n": typeof types.AdminSetDocumentRecipientsDocument,
    "\n  mutation AdminSetDocumentFields($documentId: ID!, $fields: [DocumentFieldInput!]!) {\n    setDocumentFields(documentId: $documentId, fields: $fields) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n": typeof types.AdminSetDocumentFieldsDocument,
    "\n  mutation AdminSendDocument($id: ID!, $inviteToPortal: Boolean) {\n    sendDocument(id: $id, inviteToPortal: $inviteToPortal) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n": typeof types.AdminSendDocumentDocument,
    "\n  mutation AdminVoidDocument($id: ID!, $reason: String!) {\n    voidDocument(id: $id, reason: $reason) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n": typeof types.AdminVoidDocumentDocument,
    "\n  mutation AdminRemindDocument($id: ID!) {\n    remindDocument(id: $id) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n": typeof types.AdminRemindDocumentDocument,
    "\n  mutation AdminDeleteDocument($id: ID!) {\n    deleteDocument(id: $id) {\n      __typename\n      ... on UserError { message }\n      ... on DeleteDocumentSuccess { deletedId }\n    }\n  }\n": typeof types.AdminDeleteDocumentDocument,
    "\n  query AdminDocumentContactOptions($search: String) {\n    contacts(first: 20, search: $search) {\n      edges { node { id name email access { status } } }\n    }\n  }\n": typeof types.AdminDocumentContactOptionsDocument,
    "\n  query AdminDocumentStaffOptions($search: String) {\n    staffMembers(first: 20, search: $search) {\n      edges { node { id name email } }\n    }\n  }\n": typeof types.AdminDocumentStaffOptionsDocument,
    "\n  query EmailLog($first: Int, $after: String, $status: EmailStatus, $search: String) {\n    emailLog(first: $first, after: $after, status: $status, search: $search) {\n      totalCount\n      edges {\n        cursor\n        node { id recipient template subject status reason attempts createdAt sentAt }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.EmailLogDocument,
    "\n  fragment TemplateResult on NotificationTemplateResult {\n    __typename\n    ... on UserError { message }\n    ... on ValidationError { field }\n    ... on NotificationTemplateSuccess { template { key subject body placeholders isCustom updatedAt } }\n  }\n": typeof types.TemplateResultFragmentDoc,
    "\n  mutation UpdateNotificationTemplate($input: NotificationTemplateInput!) {\n    updateNotificationTemplate(input: $input) { ...TemplateResult }\n  }\n": typeof types.UpdateNotificationTemplateDocument,
    "\n  mutation ResetNotificationTemplate($key: NotificationTemplateKey!) {\n    resetNotificationTemplate(key: $key) { ...TemplateResult }\n  }\n": typeof types.ResetNotificationTemplateDocument,
    "\n  query PreviewNotificationTemplate($input: NotificationTemplateInput!) {\n    previewNotificationTemplate(input: $input) { subject html text }\n  }\n": typeof types.PreviewNotificationTemplateDocument,
    "\n  query NotificationTemplates {\n    notificationTemplates { key subject body placeholders isCustom updatedAt }\n  }\n": typeof types.NotificationTemplatesDocument,
    "\n  query AdminInvoice($id: ID!) {\n    invoice(id: $id) { ...InvoiceDetail }\n  }\n": typeof types.AdminInvoiceDocument,
    "\n  query InvoiceContactOptions($search: String) {\n    contacts(first: 50, search: $search) {\n      edges { node { id name email } }\n    }\n  }\n": typeof types.InvoiceContactOptionsDocument,
    "\n  query InvoiceContactAccess($id: ID!) {\n    contact(id: $id) { id name access { status } }\n  }\n": typeof types.InvoiceContactAccessDocument,
    "\n  mutation CreateInvoice($input: InvoiceInput!) {\n    createInvoice(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n": typeof types.CreateInvoiceDocument,
    "\n  mutation UpdateInvoice($id: ID!, $input: InvoiceInput!) {\n    updateInvoice(id: $id, input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n": typeof types.UpdateInvoiceDocument,
    "\n  query Invoices($first: Int, $after: String, $status: InvoiceStatus, $contactId: ID, $issuedFrom: String, $issuedTo: String, $search: String) {\n    invoices(first: $first, after: $after, status: $status, contactId: $contactId, issuedFrom: $issuedFrom, issuedTo: $issuedTo, search: $search) {\n      totalCount\n      edges { cursor node { ...InvoiceListItem } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.InvoicesDocument,
    "\n  mutation SendInvoice($id: ID!, $inviteToPortal: Boolean) {\n    sendInvoice(id: $id, inviteToPortal: $inviteToPortal) {\n      __typename\n      ... on UserError { message }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n": typeof types.SendInvoiceDocument,
    "\n  mutation VoidInvoice($id: ID!) {\n    voidInvoice(id: $id) {\n      __typename\n      ... on UserError { message }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n": typeof types.VoidInvoiceDocument,
    "\n  mutation RecordPayment($input: RecordPaymentInput!) {\n    recordPayment(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n": typeof types.RecordPaymentDocument,
    "\n  mutation RefundInvoice($input: RefundInput!) {\n    refundInvoice(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n": typeof types.RefundInvoiceDocument,
    "\n  mutation UpdatePortalSettings($input: PortalSettingsInput!) {\n    updatePortalSettings(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on PortalSettingsSuccess {\n        settings { welcomeMessage sections { section enabled } }\n      }\n    }\n  }\n": typeof types.UpdatePortalSettingsDocument,
    "\n  query BusinessSettings {\n    business {\n      id\n      settings {\n        welcomeMessage\n        sections { section enabled }\n      }\n    }\n  }\n": typeof types.BusinessSettingsDocument,
    "\n  mutation InviteStaff($input: InviteStaffInput!) {\n    inviteStaff(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on EmailTakenError { field }\n      ... on StaffSuccess { staff { ...TeamMember } }\n    }\n  }\n": typeof types.InviteStaffDocument,
    "\n  query StaffMembers($first: Int, $search: String) {\n    staffMembers(first: $first, search: $search) {\n      totalCount\n      edges { node { ...TeamMember } }\n      pageInfo { hasNextPage }\n    }\n  }\n": typeof types.StaffMembersDocument,
    "\n  fragment TeamMember on Staff {\n    id\n    name\n    email\n    role\n    createdAt\n  }\n": typeof types.TeamMemberFragmentDoc,
    "\n  mutation UpdateStaffRole($staffId: ID!, $role: StaffRole!) {\n    updateStaffRole(staffId: $staffId, role: $role) {\n      __typename\n      ... on UserError { message }\n      ... on StaffSuccess { staff { ...TeamMember } }\n    }\n  }\n": typeof types.UpdateStaffRoleDocument,
    "\n  mutation RemoveStaff($staffId: ID!) {\n    removeStaff(staffId: $staffId) {\n      __typename\n      ... on UserError { message }\n      ... on RemoveStaffSuccess { removedStaffId }\n    }\n  }\n": typeof types.RemoveStaffDocument,
    "\n  query DevMailbox($first: Int, $to: String) {\n    devMailbox(first: $first, to: $to) {\n      edges { node { id to from subject html text createdAt } }\n    }\n  }\n": typeof types.DevMailboxDocument,
    "\n  mutation RecipientDeclineDocument($input: DeclineDocumentInput!) {\n    declineDocument(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...SigningDocument } }\n    }\n  }\n": typeof types.RecipientDeclineDocumentDocument,
    "\n  query SigningConsent {\n    signatureConsent { version text }\n  }\n": typeof types.SigningConsentDocument,
    "\n  mutation RecipientSignDocument($input: SignDocumentInput!) {\n    signDocument(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...SigningDocument } }\n    }\n  }\n": typeof types.RecipientSignDocumentDocument,
    "\n  fragment SigningDocument on Document {\n    id\n    title\n    status\n    signingOrder\n    completedAt\n    declinedAt\n    signedPdfUrl\n    originalPdfUrl\n    fields { id recipientId kind page x y width height label required value }\n    recipients { id name role order status isTheirTurn viewedAt signedAt declinedAt declineReason }\n    myRecipient { id name role order status isTheirTurn viewedAt signedAt declinedAt }\n  }\n": typeof types.SigningDocumentFragmentDoc,
    "\n  mutation UpdateBranding($businessId: ID!, $input: BrandingInput!) {\n    updateBranding(businessId: $businessId, input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on BusinessSuccess { business { id branding { displayName logoUrl primaryColor accentColor } } }\n    }\n  }\n": typeof types.UpdateBrandingDocument,
    "\n  query BusinessById($id: ID!) {\n    businessById(id: $id) {\n      id\n      name\n      slug\n      hostNames\n      branding { displayName logoUrl primaryColor accentColor }\n    }\n  }\n": typeof types.BusinessByIdDocument,
    "\n  query Businesses($first: Int, $after: String, $search: String) {\n    businesses(first: $first, after: $after, search: $search) {\n      totalCount\n      edges { cursor node { id name slug hostNames createdAt branding { displayName primaryColor } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.BusinessesDocument,
    "\n  mutation CreateBusiness($input: CreateBusinessInput!) {\n    createBusiness(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on BusinessSuccess { business { id } }\n    }\n  }\n": typeof types.CreateBusinessDocument,
    "\n  mutation UpdateHostNames($businessId: ID!, $hostNames: [String!]!) {\n    updateHostNames(businessId: $businessId, hostNames: $hostNames) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on BusinessSuccess { business { id hostNames } }\n    }\n  }\n": typeof types.UpdateHostNamesDocument,
    "\n  mutation ConfirmEmailChange($input: ConfirmSignInInput!) {\n    confirmEmailChange(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ProfileSuccess { contact { id email } }\n    }\n  }\n": typeof types.ConfirmEmailChangeDocument,
    "\n  query PortalDashboard {\n    portal {\n      settings {\n        welcomeMessage\n        sections { section enabled }\n      }\n    }\n    viewer {\n      contact {\n        id\n        invoiceSummary { hasInvoices outstandingCount totalDue currency nextDueDate }\n        documentSummary { hasDocuments waitingForSignature }\n      }\n    }\n  }\n": typeof types.PortalDashboardDocument,
    "\n  mutation RequestEmailChange($input: EmailChangeInput!) {\n    requestEmailChange(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n    }\n  }\n": typeof types.RequestEmailChangeDocument,
    "\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on ProfileSuccess { contact { id name firstName phone email } }\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  query ClientDocuments($list: ContactDocumentList!, $first: Int) {\n    viewer {\n      contact {\n        id\n        documents(list: $list, first: $first) {\n          totalCount\n          edges { cursor node { ...PortalDocumentListItem } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n": typeof types.ClientDocumentsDocument,
    "\n  query ClientDocument($id: ID!) {\n    document(id: $id) { ...PortalDocumentDetail }\n  }\n": typeof types.ClientDocumentDocument,
    "\n  mutation PortalViewDocument($id: ID!) {\n    viewDocument(id: $id) {\n      __typename\n      ... on DocumentSuccess { document { id recipients { id viewedAt } myRecipient { id viewedAt } } }\n    }\n  }\n": typeof types.PortalViewDocumentDocument,
    "\n  fragment PortalDocumentDetail on Document {\n    ...SigningDocument\n    message\n    sentAt\n    sentByName\n    expiresAt\n    voidedAt\n    voidReason\n    pageCount\n  }\n": typeof types.PortalDocumentDetailFragmentDoc,
    "\n  fragment PortalDocumentListItem on Document {\n    id\n    title\n    status\n    sentAt\n    sentByName\n    completedAt\n    declinedAt\n    voidedAt\n    myRecipient { id role status isTheirTurn signedAt }\n  }\n": typeof types.PortalDocumentListItemFragmentDoc,
    "\n  subscription PortalDocumentChanged($documentId: ID) {\n    documentChanged(documentId: $documentId) {\n      change\n      recipientId\n      document { ...PortalDocumentDetail }\n    }\n  }\n": typeof types.PortalDocumentChangedDocument,
    "\n  query OutstandingInvoices($first: Int, $after: String) {\n    viewer {\n      contact {\n        id\n        outstandingInvoices(first: $first, after: $after) {\n          totalCount\n          edges { cursor node { ...InvoiceListItem } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n": typeof types.OutstandingInvoicesDocument,
    "\n  query PaidInvoices($first: Int, $after: String) {\n    viewer {\n      contact {\n        id\n        paidInvoices(first: $first, after: $after) {\n          totalCount\n          edges { cursor node { ...InvoiceListItem } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n": typeof types.PaidInvoicesDocument,
    "\n  query ClientInvoice($id: ID!) {\n    invoice(id: $id) { ...InvoiceDetail }\n    paymentOptions { paymentMode }\n  }\n": typeof types.ClientInvoiceDocument,
    "\n  mutation PayInvoiceWithTestPayment($invoiceId: ID!) {\n    payInvoiceWithTestPayment(invoiceId: $invoiceId) {\n      __typename\n      ... on UserError { message }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n": typeof types.PayInvoiceWithTestPaymentDocument,
    "\n  mutation StartInvoicePayment($invoiceId: ID!) {\n    startInvoicePayment(invoiceId: $invoiceId) {\n      __typename\n      ... on InvoicePaymentStarted { clientSecret publishableKey }\n      ... on InvoiceNotPayable { message status }\n      ... on PaymentUnavailable { message }\n      ... on UserError { message }\n    }\n  }\n": typeof types.StartInvoicePaymentDocument,
    "\n  query PortalSections {\n    portal { settings { sections { section enabled } } }\n  }\n": typeof types.PortalSectionsDocument,
    "\n  mutation ConfirmSignIn($input: ConfirmSignInInput!) {\n    confirmSignIn(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on SignInSuccess { viewer { kind } }\n    }\n  }\n": typeof types.ConfirmSignInDocument,
    "\n  mutation RequestSignIn($input: RequestSignInInput!) {\n    requestSignIn(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on RateLimitedError { retryAfterSeconds }\n    }\n  }\n": typeof types.RequestSignInDocument,
    "\n  mutation SignOut {\n    signOut {\n      __typename\n    }\n  }\n": typeof types.SignOutDocument,
    "\n  query PortalBranding {\n    portal {\n      business {\n        id\n        name\n        slug\n        branding { displayName logoUrl primaryColor accentColor }\n      }\n    }\n  }\n": typeof types.PortalBrandingDocument,
    "\n  fragment InvoiceListItem on Invoice {\n    id\n    number\n    status\n    overdue\n    currency\n    total\n    amountDue\n    issueDate\n    dueDate\n    paidAt\n    contact { id name }\n  }\n": typeof types.InvoiceListItemFragmentDoc,
    "\n  fragment InvoiceDetail on Invoice {\n    ...InvoiceListItem\n    lines { description quantity unitPrice amount }\n    taxRateBps\n    discountAmount\n    subtotal\n    discount\n    tax\n    amountPaid\n    amountRefunded\n    lastPaymentError\n    notes\n    memo\n    sentAt\n    voidedAt\n    createdAt\n    updatedAt\n    payments { id kind amount method reference createdAt }\n  }\n": typeof types.InvoiceDetailFragmentDoc,
    "\n  subscription InvoiceChanged {\n    invoiceChanged { ...InvoiceDetail }\n  }\n": typeof types.InvoiceChangedDocument,
    "\n  query Viewer {\n    viewer {\n      kind\n      contact { id name firstName email phone }\n      staff { id name email role }\n      operator { id name email }\n      business { id name slug }\n    }\n  }\n": typeof types.ViewerDocument,
};
const documents: Documents = {
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      __typename\n      ... on UserError { message }\n      ... on ApiKeyRevoked { apiKey { id revokedAt } }\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query ApiKeys($first: Int, $after: String) {\n    apiKeys(first: $first, after: $after) {\n      edges { cursor node { id name prefix scopes createdAt lastUsedAt revokedAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on ApiKeyCreated { secret apiKey { id name prefix } }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation SendInvitation($contactId: ID!) {\n    sendInvitation(contactId: $contactId) {\n      __typename\n      ... on UserError { message }\n      ... on InvitationSuccess { contact { ...ContactListItem } }\n    }\n  }\n": types.SendInvitationDocument,
    "\n  mutation RevokeAccess($contactId: ID!) {\n    revokeAccess(contactId: $contactId) {\n      __typename\n      ... on UserError { message }\n      ... on RevokeAccessSuccess { contact { ...ContactListItem } }\n    }\n  }\n": types.RevokeAccessDocument,
    "\n  query ContactDetail($id: ID!) {\n    contact(id: $id) {\n      ...ContactListItem\n      createdAt\n      sessions { id createdAt lastSeenAt expiresAt ip userAgent current }\n    }\n  }\n": types.ContactDetailDocument,
    "\n  mutation CreateContact($input: ContactInput!) {\n    createContact(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on ContactSuccess { contact { ...ContactListItem } }\n    }\n  }\n": types.CreateContactDocument,
    "\n  mutation UpdateContact($id: ID!, $input: ContactInput!) {\n    updateContact(id: $id, input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on ContactSuccess { contact { ...ContactListItem } }\n    }\n  }\n": types.UpdateContactDocument,
    "\n  query ContactForEdit($id: ID!) {\n    contact(id: $id) { ...ContactListItem }\n  }\n": types.ContactForEditDocument,
    "\n  query Contacts($first: Int, $after: String, $search: String, $accessStatus: PortalAccessStatus) {\n    contacts(first: $first, after: $after, search: $search, accessStatus: $accessStatus) {\n      totalCount\n      edges { cursor node { ...ContactListItem } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ContactsDocument,
    "\n  mutation EndSession($sessionId: ID!) {\n    endSession(sessionId: $sessionId) {\n      __typename\n      ... on UserError { message }\n    }\n  }\n": types.EndSessionDocument,
    "\n  fragment ContactListItem on Contact {\n    id\n    name\n    email\n    phone\n    dnd\n    access { status invitedAt lastLoginAt revokedAt }\n  }\n": types.ContactListItemFragmentDoc,
    "\n  subscription ContactAccessChanged {\n    contactAccessChanged {\n      change\n      contact { ...ContactListItem }\n    }\n  }\n": types.ContactAccessChangedDocument,
    "\n  query AdminCounterSign($id: ID!) {\n    document(id: $id) {\n      ...AdminDocumentDetail\n      ...SigningDocument\n    }\n  }\n": types.AdminCounterSignDocument,
    "\n  mutation AdminViewDocument($id: ID!) {\n    viewDocument(id: $id) {\n      __typename\n      ... on UserError { message }\n      ... on DocumentSuccess { document { id recipients { id viewedAt } myRecipient { id viewedAt } } }\n    }\n  }\n": types.AdminViewDocumentDocument,
    "\n  fragment AdminDocumentListItem on Document {\n    id\n    title\n    status\n    sentAt\n    createdAt\n    updatedAt\n    recipients { id name role status }\n  }\n": types.AdminDocumentListItemFragmentDoc,
    "\n  fragment AdminDocumentDetail on Document {\n    id\n    title\n    message\n    status\n    signingOrder\n    fileName\n    pageCount\n    pages { number width height }\n    originalSha256\n    finalSha256\n    originalPdfUrl\n    signedPdfUrl\n    expiresAt\n    reminderIntervalDays\n    createdAt\n    updatedAt\n    sentAt\n    completedAt\n    declinedAt\n    voidedAt\n    voidReason\n    sentBy { id name }\n    recipients {\n      id\n      kind\n      contact { id name email }\n      staff { id name email }\n      name\n      email\n      role\n      order\n      status\n      isTheirTurn\n      viewedAt\n      signedAt\n      declinedAt\n      declineReason\n      signatureMethod\n    }\n    fields { id recipientId kind page x y width height label required value }\n    myRecipient { id role status isTheirTurn }\n  }\n": types.AdminDocumentDetailFragmentDoc,
    "\n  query AdminDocuments($first: Int, $after: String, $status: DocumentStatus, $search: String) {\n    documents(first: $first, after: $after, status: $status, search: $search) {\n      totalCount\n      edges { cursor node { ...AdminDocumentListItem } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.AdminDocumentsDocument,
    "\n  query AdminDocument($id: ID!) {\n    document(id: $id) { ...AdminDocumentDetail }\n  }\n": types.AdminDocumentDocument,
    "\n  query AdminDocumentAudit($id: ID!, $first: Int, $after: String) {\n    document(id: $id) {\n      id\n      auditVerification { valid entries problem }\n      auditTrail(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node { id sequence action actorKind actorName recipientId ip userAgent details occurredAt hash previousHash }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.AdminDocumentAuditDocument,
    "\n  subscription AdminDocumentsChanged {\n    documentChanged {\n      change\n      recipientId\n      document { ...AdminDocumentListItem }\n    }\n  }\n": types.AdminDocumentsChangedDocument,
    "\n  subscription AdminDocumentChanged($documentId: ID!) {\n    documentChanged(documentId: $documentId) {\n      change\n      recipientId\n      document { ...AdminDocumentDetail }\n    }\n  }\n": types.AdminDocumentChangedDocument,
    "\n  mutation AdminCreateDocument($input: DocumentInput!) {\n    createDocument(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n": types.AdminCreateDocumentDocument,
    "\n  mutation AdminUpdateDocument($id: ID!, $input: DocumentInput!) {\n    updateDocument(id: $id, input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n": types.AdminUpdateDocumentDocument,
    "\n  mutation AdminSetDocumentRecipients($documentId: ID!, $recipients: [DocumentRecipientInput!]!) {\n    setDocumentRecipients(documentId: $documentId, recipients: $recipients) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n": types.AdminSetDocumentRecipientsDocument,
    "\n  mutation AdminSetDocumentFields($documentId: ID!, $fields: [DocumentFieldInput!]!) {\n    setDocumentFields(documentId: $documentId, fields: $fields) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n": types.AdminSetDocumentFieldsDocument,
    "\n  mutation AdminSendDocument($id: ID!, $inviteToPortal: Boolean) {\n    sendDocument(id: $id, inviteToPortal: $inviteToPortal) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n": types.AdminSendDocumentDocument,
    "\n  mutation AdminVoidDocument($id: ID!, $reason: String!) {\n    voidDocument(id: $id, reason: $reason) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n": types.AdminVoidDocumentDocument,
    "\n  mutation AdminRemindDocument($id: ID!) {\n    remindDocument(id: $id) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n": types.AdminRemindDocumentDocument,
    "\n  mutation AdminDeleteDocument($id: ID!) {\n    deleteDocument(id: $id) {\n      __typename\n      ... on UserError { message }\n      ... on DeleteDocumentSuccess { deletedId }\n    }\n  }\n": types.AdminDeleteDocumentDocument,
    "\n  query AdminDocumentContactOptions($search: String) {\n    contacts(first: 20, search: $search) {\n      edges { node { id name email access { status } } }\n    }\n  }\n": types.AdminDocumentContactOptionsDocument,
    "\n  query AdminDocumentStaffOptions($search: String) {\n    staffMembers(first: 20, search: $search) {\n      edges { node { id name email } }\n    }\n  }\n": types.AdminDocumentStaffOptionsDocument,
    "\n  query EmailLog($first: Int, $after: String, $status: EmailStatus, $search: String) {\n    emailLog(first: $first, after: $after, status: $status, search: $search) {\n      totalCount\n      edges {\n        cursor\n        node { id recipient template subject status reason attempts createdAt sentAt }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.EmailLogDocument,
    "\n  fragment TemplateResult on NotificationTemplateResult {\n    __typename\n    ... on UserError { message }\n    ... on ValidationError { field }\n    ... on NotificationTemplateSuccess { template { key subject body placeholders isCustom updatedAt } }\n  }\n": types.TemplateResultFragmentDoc,
    "\n  mutation UpdateNotificationTemplate($input: NotificationTemplateInput!) {\n    updateNotificationTemplate(input: $input) { ...TemplateResult }\n  }\n": types.UpdateNotificationTemplateDocument,
    "\n  mutation ResetNotificationTemplate($key: NotificationTemplateKey!) {\n    resetNotificationTemplate(key: $key) { ...TemplateResult }\n  }\n": types.ResetNotificationTemplateDocument,
    "\n  query PreviewNotificationTemplate($input: NotificationTemplateInput!) {\n    previewNotificationTemplate(input: $input) { subject html text }\n  }\n": types.PreviewNotificationTemplateDocument,
    "\n  query NotificationTemplates {\n    notificationTemplates { key subject body placeholders isCustom updatedAt }\n  }\n": types.NotificationTemplatesDocument,
    "\n  query AdminInvoice($id: ID!) {\n    invoice(id: $id) { ...InvoiceDetail }\n  }\n": types.AdminInvoiceDocument,
    "\n  query InvoiceContactOptions($search: String) {\n    contacts(first: 50, search: $search) {\n      edges { node { id name email } }\n    }\n  }\n": types.InvoiceContactOptionsDocument,
    "\n  query InvoiceContactAccess($id: ID!) {\n    contact(id: $id) { id name access { status } }\n  }\n": types.InvoiceContactAccessDocument,
    "\n  mutation CreateInvoice($input: InvoiceInput!) {\n    createInvoice(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n": types.CreateInvoiceDocument,
    "\n  mutation UpdateInvoice($id: ID!, $input: InvoiceInput!) {\n    updateInvoice(id: $id, input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n": types.UpdateInvoiceDocument,
    "\n  query Invoices($first: Int, $after: String, $status: InvoiceStatus, $contactId: ID, $issuedFrom: String, $issuedTo: String, $search: String) {\n    invoices(first: $first, after: $after, status: $status, contactId: $contactId, issuedFrom: $issuedFrom, issuedTo: $issuedTo, search: $search) {\n      totalCount\n      edges { cursor node { ...InvoiceListItem } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.InvoicesDocument,
    "\n  mutation SendInvoice($id: ID!, $inviteToPortal: Boolean) {\n    sendInvoice(id: $id, inviteToPortal: $inviteToPortal) {\n      __typename\n      ... on UserError { message }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n": types.SendInvoiceDocument,
    "\n  mutation VoidInvoice($id: ID!) {\n    voidInvoice(id: $id) {\n      __typename\n      ... on UserError { message }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n": types.VoidInvoiceDocument,
    "\n  mutation RecordPayment($input: RecordPaymentInput!) {\n    recordPayment(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n": types.RecordPaymentDocument,
    "\n  mutation RefundInvoice($input: RefundInput!) {\n    refundInvoice(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n": types.RefundInvoiceDocument,
    "\n  mutation UpdatePortalSettings($input: PortalSettingsInput!) {\n    updatePortalSettings(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on PortalSettingsSuccess {\n        settings { welcomeMessage sections { section enabled } }\n      }\n    }\n  }\n": types.UpdatePortalSettingsDocument,
    "\n  query BusinessSettings {\n    business {\n      id\n      settings {\n        welcomeMessage\n        sections { section enabled }\n      }\n    }\n  }\n": types.BusinessSettingsDocument,
    "\n  mutation InviteStaff($input: InviteStaffInput!) {\n    inviteStaff(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on EmailTakenError { field }\n      ... on StaffSuccess { staff { ...TeamMember } }\n    }\n  }\n": types.InviteStaffDocument,
    "\n  query StaffMembers($first: Int, $search: String) {\n    staffMembers(first: $first, search: $search) {\n      totalCount\n      edges { node { ...TeamMember } }\n      pageInfo { hasNextPage }\n    }\n  }\n": types.StaffMembersDocument,
    "\n  fragment TeamMember on Staff {\n    id\n    name\n    email\n    role\n    createdAt\n  }\n": types.TeamMemberFragmentDoc,
    "\n  mutation UpdateStaffRole($staffId: ID!, $role: StaffRole!) {\n    updateStaffRole(staffId: $staffId, role: $role) {\n      __typename\n      ... on UserError { message }\n      ... on StaffSuccess { staff { ...TeamMember } }\n    }\n  }\n": types.UpdateStaffRoleDocument,
    "\n  mutation RemoveStaff($staffId: ID!) {\n    removeStaff(staffId: $staffId) {\n      __typename\n      ... on UserError { message }\n      ... on RemoveStaffSuccess { removedStaffId }\n    }\n  }\n": types.RemoveStaffDocument,
    "\n  query DevMailbox($first: Int, $to: String) {\n    devMailbox(first: $first, to: $to) {\n      edges { node { id to from subject html text createdAt } }\n    }\n  }\n": types.DevMailboxDocument,
    "\n  mutation RecipientDeclineDocument($input: DeclineDocumentInput!) {\n    declineDocument(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...SigningDocument } }\n    }\n  }\n": types.RecipientDeclineDocumentDocument,
    "\n  query SigningConsent {\n    signatureConsent { version text }\n  }\n": types.SigningConsentDocument,
    "\n  mutation RecipientSignDocument($input: SignDocumentInput!) {\n    signDocument(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...SigningDocument } }\n    }\n  }\n": types.RecipientSignDocumentDocument,
    "\n  fragment SigningDocument on Document {\n    id\n    title\n    status\n    signingOrder\n    completedAt\n    declinedAt\n    signedPdfUrl\n    originalPdfUrl\n    fields { id recipientId kind page x y width height label required value }\n    recipients { id name role order status isTheirTurn viewedAt signedAt declinedAt declineReason }\n    myRecipient { id name role order status isTheirTurn viewedAt signedAt declinedAt }\n  }\n": types.SigningDocumentFragmentDoc,
    "\n  mutation UpdateBranding($businessId: ID!, $input: BrandingInput!) {\n    updateBranding(businessId: $businessId, input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on BusinessSuccess { business { id branding { displayName logoUrl primaryColor accentColor } } }\n    }\n  }\n": types.UpdateBrandingDocument,
    "\n  query BusinessById($id: ID!) {\n    businessById(id: $id) {\n      id\n      name\n      slug\n      hostNames\n      branding { displayName logoUrl primaryColor accentColor }\n    }\n  }\n": types.BusinessByIdDocument,
    "\n  query Businesses($first: Int, $after: String, $search: String) {\n    businesses(first: $first, after: $after, search: $search) {\n      totalCount\n      edges { cursor node { id name slug hostNames createdAt branding { displayName primaryColor } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.BusinessesDocument,
    "\n  mutation CreateBusiness($input: CreateBusinessInput!) {\n    createBusiness(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on BusinessSuccess { business { id } }\n    }\n  }\n": types.CreateBusinessDocument,
    "\n  mutation UpdateHostNames($businessId: ID!, $hostNames: [String!]!) {\n    updateHostNames(businessId: $businessId, hostNames: $hostNames) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on BusinessSuccess { business { id hostNames } }\n    }\n  }\n": types.UpdateHostNamesDocument,
    "\n  mutation ConfirmEmailChange($input: ConfirmSignInInput!) {\n    confirmEmailChange(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ProfileSuccess { contact { id email } }\n    }\n  }\n": types.ConfirmEmailChangeDocument,
    "\n  query PortalDashboard {\n    portal {\n      settings {\n        welcomeMessage\n        sections { section enabled }\n      }\n    }\n    viewer {\n      contact {\n        id\n        invoiceSummary { hasInvoices outstandingCount totalDue currency nextDueDate }\n        documentSummary { hasDocuments waitingForSignature }\n      }\n    }\n  }\n": types.PortalDashboardDocument,
    "\n  mutation RequestEmailChange($input: EmailChangeInput!) {\n    requestEmailChange(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n    }\n  }\n": types.RequestEmailChangeDocument,
    "\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on ProfileSuccess { contact { id name firstName phone email } }\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  query ClientDocuments($list: ContactDocumentList!, $first: Int) {\n    viewer {\n      contact {\n        id\n        documents(list: $list, first: $first) {\n          totalCount\n          edges { cursor node { ...PortalDocumentListItem } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n": types.ClientDocumentsDocument,
    "\n  query ClientDocument($id: ID!) {\n    document(id: $id) { ...PortalDocumentDetail }\n  }\n": types.ClientDocumentDocument,
    "\n  mutation PortalViewDocument($id: ID!) {\n    viewDocument(id: $id) {\n      __typename\n      ... on DocumentSuccess { document { id recipients { id viewedAt } myRecipient { id viewedAt } } }\n    }\n  }\n": types.PortalViewDocumentDocument,
    "\n  fragment PortalDocumentDetail on Document {\n    ...SigningDocument\n    message\n    sentAt\n    sentByName\n    expiresAt\n    voidedAt\n    voidReason\n    pageCount\n  }\n": types.PortalDocumentDetailFragmentDoc,
    "\n  fragment PortalDocumentListItem on Document {\n    id\n    title\n    status\n    sentAt\n    sentByName\n    completedAt\n    declinedAt\n    voidedAt\n    myRecipient { id role status isTheirTurn signedAt }\n  }\n": types.PortalDocumentListItemFragmentDoc,
    "\n  subscription PortalDocumentChanged($documentId: ID) {\n    documentChanged(documentId: $documentId) {\n      change\n      recipientId\n      document { ...PortalDocumentDetail }\n    }\n  }\n": types.PortalDocumentChangedDocument,
    "\n  query OutstandingInvoices($first: Int, $after: String) {\n    viewer {\n      contact {\n        id\n        outstandingInvoices(first: $first, after: $after) {\n          totalCount\n          edges { cursor node { ...InvoiceListItem } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n": types.OutstandingInvoicesDocument,
    "\n  query PaidInvoices($first: Int, $after: String) {\n    viewer {\n      contact {\n        id\n        paidInvoices(first: $first, after: $after) {\n          totalCount\n          edges { cursor node { ...InvoiceListItem } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n": types.PaidInvoicesDocument,
    "\n  query ClientInvoice($id: ID!) {\n    invoice(id: $id) { ...InvoiceDetail }\n    paymentOptions { paymentMode }\n  }\n": types.ClientInvoiceDocument,
    "\n  mutation PayInvoiceWithTestPayment($invoiceId: ID!) {\n    payInvoiceWithTestPayment(invoiceId: $invoiceId) {\n      __typename\n      ... on UserError { message }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n": types.PayInvoiceWithTestPaymentDocument,
    "\n  mutation StartInvoicePayment($invoiceId: ID!) {\n    startInvoicePayment(invoiceId: $invoiceId) {\n      __typename\n      ... on InvoicePaymentStarted { clientSecret publishableKey }\n      ... on InvoiceNotPayable { message status }\n      ... on PaymentUnavailable { message }\n      ... on UserError { message }\n    }\n  }\n": types.StartInvoicePaymentDocument,
    "\n  query PortalSections {\n    portal { settings { sections { section enabled } } }\n  }\n": types.PortalSectionsDocument,
    "\n  mutation ConfirmSignIn($input: ConfirmSignInInput!) {\n    confirmSignIn(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on SignInSuccess { viewer { kind } }\n    }\n  }\n": types.ConfirmSignInDocument,
    "\n  mutation RequestSignIn($input: RequestSignInInput!) {\n    requestSignIn(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on RateLimitedError { retryAfterSeconds }\n    }\n  }\n": types.RequestSignInDocument,
    "\n  mutation SignOut {\n    signOut {\n      __typename\n    }\n  }\n": types.SignOutDocument,
    "\n  query PortalBranding {\n    portal {\n      business {\n        id\n        name\n        slug\n        branding { displayName logoUrl primaryColor accentColor }\n      }\n    }\n  }\n": types.PortalBrandingDocument,
    "\n  fragment InvoiceListItem on Invoice {\n    id\n    number\n    status\n    overdue\n    currency\n    total\n    amountDue\n    issueDate\n    dueDate\n    paidAt\n    contact { id name }\n  }\n": types.InvoiceListItemFragmentDoc,
    "\n  fragment InvoiceDetail on Invoice {\n    ...InvoiceListItem\n    lines { description quantity unitPrice amount }\n    taxRateBps\n    discountAmount\n    subtotal\n    discount\n    tax\n    amountPaid\n    amountRefunded\n    lastPaymentError\n    notes\n    memo\n    sentAt\n    voidedAt\n    createdAt\n    updatedAt\n    payments { id kind amount method reference createdAt }\n  }\n": types.InvoiceDetailFragmentDoc,
    "\n  subscription InvoiceChanged {\n    invoiceChanged { ...InvoiceDetail }\n  }\n": types.InvoiceChangedDocument,
    "\n  query Viewer {\n    viewer {\n      kind\n      contact { id name firstName email phone }\n      staff { id name email role }\n      operator { id name email }\n      business { id name slug }\n    }\n  }\n": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      __typename\n      ... on UserError { message }\n      ... on ApiKeyRevoked { apiKey { id revokedAt } }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      __typename\n      ... on UserError { message }\n      ... on ApiKeyRevoked { apiKey { id revokedAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys($first: Int, $after: String) {\n    apiKeys(first: $first, after: $after) {\n      edges { cursor node { id name prefix scopes createdAt lastUsedAt revokedAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys($first: Int, $after: String) {\n    apiKeys(first: $first, after: $after) {\n      edges { cursor node { id name prefix scopes createdAt lastUsedAt revokedAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on ApiKeyCreated { secret apiKey { id name prefix } }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on ApiKeyCreated { secret apiKey { id name prefix } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendInvitation($contactId: ID!) {\n    sendInvitation(contactId: $contactId) {\n      __typename\n      ... on UserError { message }\n      ... on InvitationSuccess { contact { ...ContactListItem } }\n    }\n  }\n"): (typeof documents)["\n  mutation SendInvitation($contactId: ID!) {\n    sendInvitation(contactId: $contactId) {\n      __typename\n      ... on UserError { message }\n      ... on InvitationSuccess { contact { ...ContactListItem } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeAccess($contactId: ID!) {\n    revokeAccess(contactId: $contactId) {\n      __typename\n      ... on UserError { message }\n      ... on RevokeAccessSuccess { contact { ...ContactListItem } }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeAccess($contactId: ID!) {\n    revokeAccess(contactId: $contactId) {\n      __typename\n      ... on UserError { message }\n      ... on RevokeAccessSuccess { contact { ...ContactListItem } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactDetail($id: ID!) {\n    contact(id: $id) {\n      ...ContactListItem\n      createdAt\n      sessions { id createdAt lastSeenAt expiresAt ip userAgent current }\n    }\n  }\n"): (typeof documents)["\n  query ContactDetail($id: ID!) {\n    contact(id: $id) {\n      ...ContactListItem\n      createdAt\n      sessions { id createdAt lastSeenAt expiresAt ip userAgent current }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateContact($input: ContactInput!) {\n    createContact(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on ContactSuccess { contact { ...ContactListItem } }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateContact($input: ContactInput!) {\n    createContact(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on ContactSuccess { contact { ...ContactListItem } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateContact($id: ID!, $input: ContactInput!) {\n    updateContact(id: $id, input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on ContactSuccess { contact { ...ContactListItem } }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateContact($id: ID!, $input: ContactInput!) {\n    updateContact(id: $id, input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on ContactSuccess { contact { ...ContactListItem } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactForEdit($id: ID!) {\n    contact(id: $id) { ...ContactListItem }\n  }\n"): (typeof documents)["\n  query ContactForEdit($id: ID!) {\n    contact(id: $id) { ...ContactListItem }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Contacts($first: Int, $after: String, $search: String, $accessStatus: PortalAccessStatus) {\n    contacts(first: $first, after: $after, search: $search, accessStatus: $accessStatus) {\n      totalCount\n      edges { cursor node { ...ContactListItem } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query Contacts($first: Int, $after: String, $search: String, $accessStatus: PortalAccessStatus) {\n    contacts(first: $first, after: $after, search: $search, accessStatus: $accessStatus) {\n      totalCount\n      edges { cursor node { ...ContactListItem } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndSession($sessionId: ID!) {\n    endSession(sessionId: $sessionId) {\n      __typename\n      ... on UserError { message }\n    }\n  }\n"): (typeof documents)["\n  mutation EndSession($sessionId: ID!) {\n    endSession(sessionId: $sessionId) {\n      __typename\n      ... on UserError { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactListItem on Contact {\n    id\n    name\n    email\n    phone\n    dnd\n    access { status invitedAt lastLoginAt revokedAt }\n  }\n"): (typeof documents)["\n  fragment ContactListItem on Contact {\n    id\n    name\n    email\n    phone\n    dnd\n    access { status invitedAt lastLoginAt revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ContactAccessChanged {\n    contactAccessChanged {\n      change\n      contact { ...ContactListItem }\n    }\n  }\n"): (typeof documents)["\n  subscription ContactAccessChanged {\n    contactAccessChanged {\n      change\n      contact { ...ContactListItem }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCounterSign($id: ID!) {\n    document(id: $id) {\n      ...AdminDocumentDetail\n      ...SigningDocument\n    }\n  }\n"): (typeof documents)["\n  query AdminCounterSign($id: ID!) {\n    document(id: $id) {\n      ...AdminDocumentDetail\n      ...SigningDocument\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminViewDocument($id: ID!) {\n    viewDocument(id: $id) {\n      __typename\n      ... on UserError { message }\n      ... on DocumentSuccess { document { id recipients { id viewedAt } myRecipient { id viewedAt } } }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminViewDocument($id: ID!) {\n    viewDocument(id: $id) {\n      __typename\n      ... on UserError { message }\n      ... on DocumentSuccess { document { id recipients { id viewedAt } myRecipient { id viewedAt } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminDocumentListItem on Document {\n    id\n    title\n    status\n    sentAt\n    createdAt\n    updatedAt\n    recipients { id name role status }\n  }\n"): (typeof documents)["\n  fragment AdminDocumentListItem on Document {\n    id\n    title\n    status\n    sentAt\n    createdAt\n    updatedAt\n    recipients { id name role status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminDocumentDetail on Document {\n    id\n    title\n    message\n    status\n    signingOrder\n    fileName\n    pageCount\n    pages { number width height }\n    originalSha256\n    finalSha256\n    originalPdfUrl\n    signedPdfUrl\n    expiresAt\n    reminderIntervalDays\n    createdAt\n    updatedAt\n    sentAt\n    completedAt\n    declinedAt\n    voidedAt\n    voidReason\n    sentBy { id name }\n    recipients {\n      id\n      kind\n      contact { id name email }\n      staff { id name email }\n      name\n      email\n      role\n      order\n      status\n      isTheirTurn\n      viewedAt\n      signedAt\n      declinedAt\n      declineReason\n      signatureMethod\n    }\n    fields { id recipientId kind page x y width height label required value }\n    myRecipient { id role status isTheirTurn }\n  }\n"): (typeof documents)["\n  fragment AdminDocumentDetail on Document {\n    id\n    title\n    message\n    status\n    signingOrder\n    fileName\n    pageCount\n    pages { number width height }\n    originalSha256\n    finalSha256\n    originalPdfUrl\n    signedPdfUrl\n    expiresAt\n    reminderIntervalDays\n    createdAt\n    updatedAt\n    sentAt\n    completedAt\n    declinedAt\n    voidedAt\n    voidReason\n    sentBy { id name }\n    recipients {\n      id\n      kind\n      contact { id name email }\n      staff { id name email }\n      name\n      email\n      role\n      order\n      status\n      isTheirTurn\n      viewedAt\n      signedAt\n      declinedAt\n      declineReason\n      signatureMethod\n    }\n    fields { id recipientId kind page x y width height label required value }\n    myRecipient { id role status isTheirTurn }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminDocuments($first: Int, $after: String, $status: DocumentStatus, $search: String) {\n    documents(first: $first, after: $after, status: $status, search: $search) {\n      totalCount\n      edges { cursor node { ...AdminDocumentListItem } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query AdminDocuments($first: Int, $after: String, $status: DocumentStatus, $search: String) {\n    documents(first: $first, after: $after, status: $status, search: $search) {\n      totalCount\n      edges { cursor node { ...AdminDocumentListItem } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminDocument($id: ID!) {\n    document(id: $id) { ...AdminDocumentDetail }\n  }\n"): (typeof documents)["\n  query AdminDocument($id: ID!) {\n    document(id: $id) { ...AdminDocumentDetail }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminDocumentAudit($id: ID!, $first: Int, $after: String) {\n    document(id: $id) {\n      id\n      auditVerification { valid entries problem }\n      auditTrail(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node { id sequence action actorKind actorName recipientId ip userAgent details occurredAt hash previousHash }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminDocumentAudit($id: ID!, $first: Int, $after: String) {\n    document(id: $id) {\n      id\n      auditVerification { valid entries problem }\n      auditTrail(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node { id sequence action actorKind actorName recipientId ip userAgent details occurredAt hash previousHash }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AdminDocumentsChanged {\n    documentChanged {\n      change\n      recipientId\n      document { ...AdminDocumentListItem }\n    }\n  }\n"): (typeof documents)["\n  subscription AdminDocumentsChanged {\n    documentChanged {\n      change\n      recipientId\n      document { ...AdminDocumentListItem }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AdminDocumentChanged($documentId: ID!) {\n    documentChanged(documentId: $documentId) {\n      change\n      recipientId\n      document { ...AdminDocumentDetail }\n    }\n  }\n"): (typeof documents)["\n  subscription AdminDocumentChanged($documentId: ID!) {\n    documentChanged(documentId: $documentId) {\n      change\n      recipientId\n      document { ...AdminDocumentDetail }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateDocument($input: DocumentInput!) {\n    createDocument(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateDocument($input: DocumentInput!) {\n    createDocument(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateDocument($id: ID!, $input: DocumentInput!) {\n    updateDocument(id: $id, input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateDocument($id: ID!, $input: DocumentInput!) {\n    updateDocument(id: $id, input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetDocumentRecipients($documentId: ID!, $recipients: [DocumentRecipientInput!]!) {\n    setDocumentRecipients(documentId: $documentId, recipients: $recipients) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSetDocumentRecipients($documentId: ID!, $recipients: [DocumentRecipientInput!]!) {\n    setDocumentRecipients(documentId: $documentId, recipients: $recipients) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetDocumentFields($documentId: ID!, $fields: [DocumentFieldInput!]!) {\n    setDocumentFields(documentId: $documentId, fields: $fields) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSetDocumentFields($documentId: ID!, $fields: [DocumentFieldInput!]!) {\n    setDocumentFields(documentId: $documentId, fields: $fields) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSendDocument($id: ID!, $inviteToPortal: Boolean) {\n    sendDocument(id: $id, inviteToPortal: $inviteToPortal) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSendDocument($id: ID!, $inviteToPortal: Boolean) {\n    sendDocument(id: $id, inviteToPortal: $inviteToPortal) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminVoidDocument($id: ID!, $reason: String!) {\n    voidDocument(id: $id, reason: $reason) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminVoidDocument($id: ID!, $reason: String!) {\n    voidDocument(id: $id, reason: $reason) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRemindDocument($id: ID!) {\n    remindDocument(id: $id) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRemindDocument($id: ID!) {\n    remindDocument(id: $id) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...AdminDocumentDetail } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeleteDocument($id: ID!) {\n    deleteDocument(id: $id) {\n      __typename\n      ... on UserError { message }\n      ... on DeleteDocumentSuccess { deletedId }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminDeleteDocument($id: ID!) {\n    deleteDocument(id: $id) {\n      __typename\n      ... on UserError { message }\n      ... on DeleteDocumentSuccess { deletedId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminDocumentContactOptions($search: String) {\n    contacts(first: 20, search: $search) {\n      edges { node { id name email access { status } } }\n    }\n  }\n"): (typeof documents)["\n  query AdminDocumentContactOptions($search: String) {\n    contacts(first: 20, search: $search) {\n      edges { node { id name email access { status } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminDocumentStaffOptions($search: String) {\n    staffMembers(first: 20, search: $search) {\n      edges { node { id name email } }\n    }\n  }\n"): (typeof documents)["\n  query AdminDocumentStaffOptions($search: String) {\n    staffMembers(first: 20, search: $search) {\n      edges { node { id name email } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmailLog($first: Int, $after: String, $status: EmailStatus, $search: String) {\n    emailLog(first: $first, after: $after, status: $status, search: $search) {\n      totalCount\n      edges {\n        cursor\n        node { id recipient template subject status reason attempts createdAt sentAt }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query EmailLog($first: Int, $after: String, $status: EmailStatus, $search: String) {\n    emailLog(first: $first, after: $after, status: $status, search: $search) {\n      totalCount\n      edges {\n        cursor\n        node { id recipient template subject status reason attempts createdAt sentAt }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TemplateResult on NotificationTemplateResult {\n    __typename\n    ... on UserError { message }\n    ... on ValidationError { field }\n    ... on NotificationTemplateSuccess { template { key subject body placeholders isCustom updatedAt } }\n  }\n"): (typeof documents)["\n  fragment TemplateResult on NotificationTemplateResult {\n    __typename\n    ... on UserError { message }\n    ... on ValidationError { field }\n    ... on NotificationTemplateSuccess { template { key subject body placeholders isCustom updatedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationTemplate($input: NotificationTemplateInput!) {\n    updateNotificationTemplate(input: $input) { ...TemplateResult }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationTemplate($input: NotificationTemplateInput!) {\n    updateNotificationTemplate(input: $input) { ...TemplateResult }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetNotificationTemplate($key: NotificationTemplateKey!) {\n    resetNotificationTemplate(key: $key) { ...TemplateResult }\n  }\n"): (typeof documents)["\n  mutation ResetNotificationTemplate($key: NotificationTemplateKey!) {\n    resetNotificationTemplate(key: $key) { ...TemplateResult }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewNotificationTemplate($input: NotificationTemplateInput!) {\n    previewNotificationTemplate(input: $input) { subject html text }\n  }\n"): (typeof documents)["\n  query PreviewNotificationTemplate($input: NotificationTemplateInput!) {\n    previewNotificationTemplate(input: $input) { subject html text }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationTemplates {\n    notificationTemplates { key subject body placeholders isCustom updatedAt }\n  }\n"): (typeof documents)["\n  query NotificationTemplates {\n    notificationTemplates { key subject body placeholders isCustom updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminInvoice($id: ID!) {\n    invoice(id: $id) { ...InvoiceDetail }\n  }\n"): (typeof documents)["\n  query AdminInvoice($id: ID!) {\n    invoice(id: $id) { ...InvoiceDetail }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvoiceContactOptions($search: String) {\n    contacts(first: 50, search: $search) {\n      edges { node { id name email } }\n    }\n  }\n"): (typeof documents)["\n  query InvoiceContactOptions($search: String) {\n    contacts(first: 50, search: $search) {\n      edges { node { id name email } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvoiceContactAccess($id: ID!) {\n    contact(id: $id) { id name access { status } }\n  }\n"): (typeof documents)["\n  query InvoiceContactAccess($id: ID!) {\n    contact(id: $id) { id name access { status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInvoice($input: InvoiceInput!) {\n    createInvoice(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateInvoice($input: InvoiceInput!) {\n    createInvoice(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateInvoice($id: ID!, $input: InvoiceInput!) {\n    updateInvoice(id: $id, input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateInvoice($id: ID!, $input: InvoiceInput!) {\n    updateInvoice(id: $id, input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invoices($first: Int, $after: String, $status: InvoiceStatus, $contactId: ID, $issuedFrom: String, $issuedTo: String, $search: String) {\n    invoices(first: $first, after: $after, status: $status, contactId: $contactId, issuedFrom: $issuedFrom, issuedTo: $issuedTo, search: $search) {\n      totalCount\n      edges { cursor node { ...InvoiceListItem } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query Invoices($first: Int, $after: String, $status: InvoiceStatus, $contactId: ID, $issuedFrom: String, $issuedTo: String, $search: String) {\n    invoices(first: $first, after: $after, status: $status, contactId: $contactId, issuedFrom: $issuedFrom, issuedTo: $issuedTo, search: $search) {\n      totalCount\n      edges { cursor node { ...InvoiceListItem } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendInvoice($id: ID!, $inviteToPortal: Boolean) {\n    sendInvoice(id: $id, inviteToPortal: $inviteToPortal) {\n      __typename\n      ... on UserError { message }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n"): (typeof documents)["\n  mutation SendInvoice($id: ID!, $inviteToPortal: Boolean) {\n    sendInvoice(id: $id, inviteToPortal: $inviteToPortal) {\n      __typename\n      ... on UserError { message }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VoidInvoice($id: ID!) {\n    voidInvoice(id: $id) {\n      __typename\n      ... on UserError { message }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n"): (typeof documents)["\n  mutation VoidInvoice($id: ID!) {\n    voidInvoice(id: $id) {\n      __typename\n      ... on UserError { message }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordPayment($input: RecordPaymentInput!) {\n    recordPayment(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordPayment($input: RecordPaymentInput!) {\n    recordPayment(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefundInvoice($input: RefundInput!) {\n    refundInvoice(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n"): (typeof documents)["\n  mutation RefundInvoice($input: RefundInput!) {\n    refundInvoice(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePortalSettings($input: PortalSettingsInput!) {\n    updatePortalSettings(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on PortalSettingsSuccess {\n        settings { welcomeMessage sections { section enabled } }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePortalSettings($input: PortalSettingsInput!) {\n    updatePortalSettings(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on PortalSettingsSuccess {\n        settings { welcomeMessage sections { section enabled } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BusinessSettings {\n    business {\n      id\n      settings {\n        welcomeMessage\n        sections { section enabled }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BusinessSettings {\n    business {\n      id\n      settings {\n        welcomeMessage\n        sections { section enabled }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteStaff($input: InviteStaffInput!) {\n    inviteStaff(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on EmailTakenError { field }\n      ... on StaffSuccess { staff { ...TeamMember } }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteStaff($input: InviteStaffInput!) {\n    inviteStaff(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on EmailTakenError { field }\n      ... on StaffSuccess { staff { ...TeamMember } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffMembers($first: Int, $search: String) {\n    staffMembers(first: $first, search: $search) {\n      totalCount\n      edges { node { ...TeamMember } }\n      pageInfo { hasNextPage }\n    }\n  }\n"): (typeof documents)["\n  query StaffMembers($first: Int, $search: String) {\n    staffMembers(first: $first, search: $search) {\n      totalCount\n      edges { node { ...TeamMember } }\n      pageInfo { hasNextPage }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TeamMember on Staff {\n    id\n    name\n    email\n    role\n    createdAt\n  }\n"): (typeof documents)["\n  fragment TeamMember on Staff {\n    id\n    name\n    email\n    role\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStaffRole($staffId: ID!, $role: StaffRole!) {\n    updateStaffRole(staffId: $staffId, role: $role) {\n      __typename\n      ... on UserError { message }\n      ... on StaffSuccess { staff { ...TeamMember } }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateStaffRole($staffId: ID!, $role: StaffRole!) {\n    updateStaffRole(staffId: $staffId, role: $role) {\n      __typename\n      ... on UserError { message }\n      ... on StaffSuccess { staff { ...TeamMember } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveStaff($staffId: ID!) {\n    removeStaff(staffId: $staffId) {\n      __typename\n      ... on UserError { message }\n      ... on RemoveStaffSuccess { removedStaffId }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveStaff($staffId: ID!) {\n    removeStaff(staffId: $staffId) {\n      __typename\n      ... on UserError { message }\n      ... on RemoveStaffSuccess { removedStaffId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DevMailbox($first: Int, $to: String) {\n    devMailbox(first: $first, to: $to) {\n      edges { node { id to from subject html text createdAt } }\n    }\n  }\n"): (typeof documents)["\n  query DevMailbox($first: Int, $to: String) {\n    devMailbox(first: $first, to: $to) {\n      edges { node { id to from subject html text createdAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecipientDeclineDocument($input: DeclineDocumentInput!) {\n    declineDocument(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...SigningDocument } }\n    }\n  }\n"): (typeof documents)["\n  mutation RecipientDeclineDocument($input: DeclineDocumentInput!) {\n    declineDocument(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...SigningDocument } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SigningConsent {\n    signatureConsent { version text }\n  }\n"): (typeof documents)["\n  query SigningConsent {\n    signatureConsent { version text }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecipientSignDocument($input: SignDocumentInput!) {\n    signDocument(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...SigningDocument } }\n    }\n  }\n"): (typeof documents)["\n  mutation RecipientSignDocument($input: SignDocumentInput!) {\n    signDocument(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on DocumentSuccess { document { ...SigningDocument } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SigningDocument on Document {\n    id\n    title\n    status\n    signingOrder\n    completedAt\n    declinedAt\n    signedPdfUrl\n    originalPdfUrl\n    fields { id recipientId kind page x y width height label required value }\n    recipients { id name role order status isTheirTurn viewedAt signedAt declinedAt declineReason }\n    myRecipient { id name role order status isTheirTurn viewedAt signedAt declinedAt }\n  }\n"): (typeof documents)["\n  fragment SigningDocument on Document {\n    id\n    title\n    status\n    signingOrder\n    completedAt\n    declinedAt\n    signedPdfUrl\n    originalPdfUrl\n    fields { id recipientId kind page x y width height label required value }\n    recipients { id name role order status isTheirTurn viewedAt signedAt declinedAt declineReason }\n    myRecipient { id name role order status isTheirTurn viewedAt signedAt declinedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateBranding($businessId: ID!, $input: BrandingInput!) {\n    updateBranding(businessId: $businessId, input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on BusinessSuccess { business { id branding { displayName logoUrl primaryColor accentColor } } }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateBranding($businessId: ID!, $input: BrandingInput!) {\n    updateBranding(businessId: $businessId, input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on BusinessSuccess { business { id branding { displayName logoUrl primaryColor accentColor } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BusinessById($id: ID!) {\n    businessById(id: $id) {\n      id\n      name\n      slug\n      hostNames\n      branding { displayName logoUrl primaryColor accentColor }\n    }\n  }\n"): (typeof documents)["\n  query BusinessById($id: ID!) {\n    businessById(id: $id) {\n      id\n      name\n      slug\n      hostNames\n      branding { displayName logoUrl primaryColor accentColor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Businesses($first: Int, $after: String, $search: String) {\n    businesses(first: $first, after: $after, search: $search) {\n      totalCount\n      edges { cursor node { id name slug hostNames createdAt branding { displayName primaryColor } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query Businesses($first: Int, $after: String, $search: String) {\n    businesses(first: $first, after: $after, search: $search) {\n      totalCount\n      edges { cursor node { id name slug hostNames createdAt branding { displayName primaryColor } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBusiness($input: CreateBusinessInput!) {\n    createBusiness(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on BusinessSuccess { business { id } }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateBusiness($input: CreateBusinessInput!) {\n    createBusiness(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on BusinessSuccess { business { id } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateHostNames($businessId: ID!, $hostNames: [String!]!) {\n    updateHostNames(businessId: $businessId, hostNames: $hostNames) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on BusinessSuccess { business { id hostNames } }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateHostNames($businessId: ID!, $hostNames: [String!]!) {\n    updateHostNames(businessId: $businessId, hostNames: $hostNames) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on BusinessSuccess { business { id hostNames } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmEmailChange($input: ConfirmSignInInput!) {\n    confirmEmailChange(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ProfileSuccess { contact { id email } }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmEmailChange($input: ConfirmSignInInput!) {\n    confirmEmailChange(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ProfileSuccess { contact { id email } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalDashboard {\n    portal {\n      settings {\n        welcomeMessage\n        sections { section enabled }\n      }\n    }\n    viewer {\n      contact {\n        id\n        invoiceSummary { hasInvoices outstandingCount totalDue currency nextDueDate }\n        documentSummary { hasDocuments waitingForSignature }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalDashboard {\n    portal {\n      settings {\n        welcomeMessage\n        sections { section enabled }\n      }\n    }\n    viewer {\n      contact {\n        id\n        invoiceSummary { hasInvoices outstandingCount totalDue currency nextDueDate }\n        documentSummary { hasDocuments waitingForSignature }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestEmailChange($input: EmailChangeInput!) {\n    requestEmailChange(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestEmailChange($input: EmailChangeInput!) {\n    requestEmailChange(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on ProfileSuccess { contact { id name firstName phone email } }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on ProfileSuccess { contact { id name firstName phone email } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientDocuments($list: ContactDocumentList!, $first: Int) {\n    viewer {\n      contact {\n        id\n        documents(list: $list, first: $first) {\n          totalCount\n          edges { cursor node { ...PortalDocumentListItem } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientDocuments($list: ContactDocumentList!, $first: Int) {\n    viewer {\n      contact {\n        id\n        documents(list: $list, first: $first) {\n          totalCount\n          edges { cursor node { ...PortalDocumentListItem } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientDocument($id: ID!) {\n    document(id: $id) { ...PortalDocumentDetail }\n  }\n"): (typeof documents)["\n  query ClientDocument($id: ID!) {\n    document(id: $id) { ...PortalDocumentDetail }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalViewDocument($id: ID!) {\n    viewDocument(id: $id) {\n      __typename\n      ... on DocumentSuccess { document { id recipients { id viewedAt } myRecipient { id viewedAt } } }\n    }\n  }\n"): (typeof documents)["\n  mutation PortalViewDocument($id: ID!) {\n    viewDocument(id: $id) {\n      __typename\n      ... on DocumentSuccess { document { id recipients { id viewedAt } myRecipient { id viewedAt } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PortalDocumentDetail on Document {\n    ...SigningDocument\n    message\n    sentAt\n    sentByName\n    expiresAt\n    voidedAt\n    voidReason\n    pageCount\n  }\n"): (typeof documents)["\n  fragment PortalDocumentDetail on Document {\n    ...SigningDocument\n    message\n    sentAt\n    sentByName\n    expiresAt\n    voidedAt\n    voidReason\n    pageCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PortalDocumentListItem on Document {\n    id\n    title\n    status\n    sentAt\n    sentByName\n    completedAt\n    declinedAt\n    voidedAt\n    myRecipient { id role status isTheirTurn signedAt }\n  }\n"): (typeof documents)["\n  fragment PortalDocumentListItem on Document {\n    id\n    title\n    status\n    sentAt\n    sentByName\n    completedAt\n    declinedAt\n    voidedAt\n    myRecipient { id role status isTheirTurn signedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PortalDocumentChanged($documentId: ID) {\n    documentChanged(documentId: $documentId) {\n      change\n      recipientId\n      document { ...PortalDocumentDetail }\n    }\n  }\n"): (typeof documents)["\n  subscription PortalDocumentChanged($documentId: ID) {\n    documentChanged(documentId: $documentId) {\n      change\n      recipientId\n      document { ...PortalDocumentDetail }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OutstandingInvoices($first: Int, $after: String) {\n    viewer {\n      contact {\n        id\n        outstandingInvoices(first: $first, after: $after) {\n          totalCount\n          edges { cursor node { ...InvoiceListItem } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OutstandingInvoices($first: Int, $after: String) {\n    viewer {\n      contact {\n        id\n        outstandingInvoices(first: $first, after: $after) {\n          totalCount\n          edges { cursor node { ...InvoiceListItem } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaidInvoices($first: Int, $after: String) {\n    viewer {\n      contact {\n        id\n        paidInvoices(first: $first, after: $after) {\n          totalCount\n          edges { cursor node { ...InvoiceListItem } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PaidInvoices($first: Int, $after: String) {\n    viewer {\n      contact {\n        id\n        paidInvoices(first: $first, after: $after) {\n          totalCount\n          edges { cursor node { ...InvoiceListItem } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientInvoice($id: ID!) {\n    invoice(id: $id) { ...InvoiceDetail }\n    paymentOptions { paymentMode }\n  }\n"): (typeof documents)["\n  query ClientInvoice($id: ID!) {\n    invoice(id: $id) { ...InvoiceDetail }\n    paymentOptions { paymentMode }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayInvoiceWithTestPayment($invoiceId: ID!) {\n    payInvoiceWithTestPayment(invoiceId: $invoiceId) {\n      __typename\n      ... on UserError { message }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n"): (typeof documents)["\n  mutation PayInvoiceWithTestPayment($invoiceId: ID!) {\n    payInvoiceWithTestPayment(invoiceId: $invoiceId) {\n      __typename\n      ... on UserError { message }\n      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartInvoicePayment($invoiceId: ID!) {\n    startInvoicePayment(invoiceId: $invoiceId) {\n      __typename\n      ... on InvoicePaymentStarted { clientSecret publishableKey }\n      ... on InvoiceNotPayable { message status }\n      ... on PaymentUnavailable { message }\n      ... on UserError { message }\n    }\n  }\n"): (typeof documents)["\n  mutation StartInvoicePayment($invoiceId: ID!) {\n    startInvoicePayment(invoiceId: $invoiceId) {\n      __typename\n      ... on InvoicePaymentStarted { clientSecret publishableKey }\n      ... on InvoiceNotPayable { message status }\n      ... on PaymentUnavailable { message }\n      ... on UserError { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalSections {\n    portal { settings { sections { section enabled } } }\n  }\n"): (typeof documents)["\n  query PortalSections {\n    portal { settings { sections { section enabled } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmSignIn($input: ConfirmSignInInput!) {\n    confirmSignIn(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on SignInSuccess { viewer { kind } }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmSignIn($input: ConfirmSignInInput!) {\n    confirmSignIn(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on SignInSuccess { viewer { kind } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestSignIn($input: RequestSignInInput!) {\n    requestSignIn(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on RateLimitedError { retryAfterSeconds }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestSignIn($input: RequestSignInInput!) {\n    requestSignIn(input: $input) {\n      __typename\n      ... on UserError { message }\n      ... on ValidationError { field }\n      ... on RateLimitedError { retryAfterSeconds }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalBranding {\n    portal {\n      business {\n        id\n        name\n        slug\n        branding { displayName logoUrl primaryColor accentColor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalBranding {\n    portal {\n      business {\n        id\n        name\n        slug\n        branding { displayName logoUrl primaryColor accentColor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvoiceListItem on Invoice {\n    id\n    number\n    status\n    overdue\n    currency\n    total\n    amountDue\n    issueDate\n    dueDate\n    paidAt\n    contact { id name }\n  }\n"): (typeof documents)["\n  fragment InvoiceListItem on Invoice {\n    id\n    number\n    status\n    overdue\n    currency\n    total\n    amountDue\n    issueDate\n    dueDate\n    paidAt\n    contact { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvoiceDetail on Invoice {\n    ...InvoiceListItem\n    lines { description quantity unitPrice amount }\n    taxRateBps\n    discountAmount\n    subtotal\n    discount\n    tax\n    amountPaid\n    amountRefunded\n    lastPaymentError\n    notes\n    memo\n    sentAt\n    voidedAt\n    createdAt\n    updatedAt\n    payments { id kind amount method reference createdAt }\n  }\n"): (typeof documents)["\n  fragment InvoiceDetail on Invoice {\n    ...InvoiceListItem\n    lines { description quantity unitPrice amount }\n    taxRateBps\n    discountAmount\n    subtotal\n    discount\n    tax\n    amountPaid\n    amountRefunded\n    lastPaymentError\n    notes\n    memo\n    sentAt\n    voidedAt\n    createdAt\n    updatedAt\n    payments { id kind amount method reference createdAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription InvoiceChanged {\n    invoiceChanged { ...InvoiceDetail }\n  }\n"): (typeof documents)["\n  subscription InvoiceChanged {\n    invoiceChanged { ...InvoiceDetail }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      kind\n      contact { id name firstName email phone }\n      staff { id name email role }\n      operator { id name email }\n      business { id name slug }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      kind\n      contact { id name firstName email phone }\n      staff { id name email role }\n      operator { id name email }\n      business { id name slug }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;