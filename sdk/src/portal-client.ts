import { GraphQLTransport } from "./client.js";
import { expectSuccess } from "./errors.js";
import {
  ContactDocument,
  type ContactInput,
  ContactsDocument,
  type ContactsQueryVariables,
  CreateContactDocument,
  CreateInvoiceDocument,
  DocumentDocument,
  DocumentsDocument,
  type DocumentsQueryVariables,
  InvoiceDocument,
  type InvoiceInput,
  InvoicesDocument,
  type InvoicesQueryVariables,
  PaymentOptionsDocument,
  RecordPaymentDocument,
  type RecordPaymentInput,
  SendInvitationDocument,
  SendInvoiceDocument,
  UpdateContactDocument,
  ViewerDocument,
  VoidInvoiceDocument,
} from "./generated/graphql.js";

/** Filters of a list, without the paging arguments the `all…` iterators set themselves. */
type Filters<T> = Omit<T, "first" | "after">;

/** Page size of the `all…` iterators (the API allows 1 to 100). */
const PAGE_SIZE = 50;

/**
 * The portal's public API for integrators, with an API key. Reads need a key with the READ scope,
 * changes one with WRITE. Lists return one Relay page; the `all…` methods iterate over every item.
 * Mutations return what they changed or throw PortalUserError with the API's typed failure.
 */
export class PortalClient extends GraphQLTransport {
  /** Which business the key belongs to (`kind` is API_KEY). */
  async viewer() {
    return (await this.request(ViewerDocument)).viewer;
  }

  /** How clients pay online here: STRIPE, TEST (no money moves) or OFFLINE. */
  async paymentOptions() {
    return (await this.request(PaymentOptionsDocument)).paymentOptions;
  }

  async contacts(variables: ContactsQueryVariables = {}) {
    return (await this.request(ContactsDocument, variables)).contacts;
  }

  allContacts(filters: Filters<ContactsQueryVariables> = {}) {
    return this.paginate(ContactsDocument, { ...filters, first: PAGE_SIZE }, (data) => data.contacts);
  }

  /** One contact, or null when it is not one of the business's. */
  async contact(id: string) {
    return (await this.request(ContactDocument, { id })).contact;
  }

  async createContact(input: ContactInput) {
    return expectSuccess((await this.request(CreateContactDocument, { input })).createContact, "ContactSuccess").contact;
  }

  async updateContact(id: string, input: ContactInput) {
    return expectSuccess((await this.request(UpdateContactDocument, { id, input })).updateContact, "ContactSuccess").contact;
  }

  /** Invites the contact to the portal by email, or sends the invitation again. */
  async sendInvitation(contactId: string) {
    return expectSuccess((await this.request(SendInvitationDocument, { contactId })).sendInvitation, "InvitationSuccess").contact;
  }

  async invoices(variables: InvoicesQueryVariables = {}) {
    return (await this.request(InvoicesDocument, variables)).invoices;
  }

  allInvoices(filters: Filters<InvoicesQueryVariables> = {}) {
    return this.paginate(InvoicesDocument, { ...filters, first: PAGE_SIZE }, (data) => data.invoices);
  }

  /** One invoice, or null when it is not one of the business's. */
  async invoice(id: string) {
    return (await this.request(InvoiceDocument, { id })).invoice;
  }

  /** A draft invoice with the business's next number; amounts in minor units (cents). */
  async createInvoice(input: InvoiceInput) {
    return expectSuccess((await this.request(CreateInvoiceDocument, { input })).createInvoice, "InvoiceSuccess").invoice;
  }

  /** Sends a draft to its contact (by email), inviting them to the portal unless `inviteToPortal` is false. */
  async sendInvoice(id: string, options: { inviteToPortal?: boolean } = {}) {
    return expectSuccess((await this.request(SendInvoiceDocument, { id, ...options })).sendInvoice, "InvoiceSuccess").invoice;
  }

  async voidInvoice(id: string) {
    return expectSuccess((await this.request(VoidInvoiceDocument, { id })).voidInvoice, "InvoiceSuccess").invoice;
  }

  /** Money received outside the portal; the whole amount due unless `amount` says less. */
  async recordPayment(input: RecordPaymentInput) {
    return expectSuccess((await this.request(RecordPaymentDocument, { input })).recordPayment, "InvoiceSuccess").invoice;
  }

  async documents(variables: DocumentsQueryVariables = {}) {
    return (await this.request(DocumentsDocument, variables)).documents;
  }

  allDocuments(filters: Filters<DocumentsQueryVariables> = {}) {
    return this.paginate(DocumentsDocument, { ...filters, first: PAGE_SIZE }, (data) => data.documents);
  }

  /** One document, or null when it is not one of the business's. */
  async document(id: string) {
    return (await this.request(DocumentDocument, { id })).document;
  }
}
