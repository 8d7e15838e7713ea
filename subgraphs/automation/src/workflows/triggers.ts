import { affiliates, appointments, billing, communities, courses, documents, type EventContract, identity } from "@portal/contracts";

/** What starts a workflow: one of the platform's events, named as staff know it. */
export enum WorkflowTrigger {
  CONTACT_CREATED = "CONTACT_CREATED",
  INVOICE_SENT = "INVOICE_SENT",
  INVOICE_PAID = "INVOICE_PAID",
  DOCUMENT_SENT = "DOCUMENT_SENT",
  DOCUMENT_COMPLETED = "DOCUMENT_COMPLETED",
  ORDER_PAID = "ORDER_PAID",
  COURSE_ACCESS_GRANTED = "COURSE_ACCESS_GRANTED",
  COURSE_COMPLETED = "COURSE_COMPLETED",
  APPOINTMENT_BOOKED = "APPOINTMENT_BOOKED",
  ADDED_TO_GROUP = "ADDED_TO_GROUP",
  BECAME_AFFILIATE = "BECAME_AFFILIATE",
}

export enum TriggerFieldType {
  ID = "ID",
  TEXT = "TEXT",
  NUMBER = "NUMBER",
  BOOLEAN = "BOOLEAN",
}

/** A value of the trigger a condition can test and an email can show (`{{trigger.<name>}}`). */
export interface TriggerField {
  name: string;
  type: TriggerFieldType;
  label: string;
}

/** One trigger's event, made plain: who it is about and the values of its fields. */
export interface TriggerFacts {
  contactIds: string[];
  /** Field name → value (amounts in major units, e.g. 120.5). */
  values: Record<string, string | number | boolean | null>;
  /** One line for the execution log, e.g. "Invoice #12 sent (120.00 EUR)". */
  summary: string;
  /** The portal page an invitation opens, e.g. `/invoices/<id>`. */
  next: string | null;
  /** What an order grants (order paid only). */
  grants?: { courseIds: string[]; groupIds: string[] };
}

export interface TriggerDefinition {
  trigger: WorkflowTrigger;
  label: string;
  contract: EventContract;
  fields: TriggerField[];
  /** Null when the event does not start workflows (e.g. a contact's change that is not a creation). */
  facts: (payload: any) => TriggerFacts | null;
}

const field = (name: string, type: TriggerFieldType, label: string): TriggerField => ({ name, type, label });
const INVITE = field("inviteToPortal", TriggerFieldType.BOOLEAN, "Staff chose to invite to the portal");
const path = (prefix: string, id: string) => `${prefix}/${encodeURIComponent(id)}`;

/** Minor units → major units as the currency counts them (JPY has none). */
export function majorUnits(amount: number, currency: string): number {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return amount / 10 ** digits;
}

function money(amount: number, currency: string): string {
  return new Intl.NumberFormat("en", { style: "currency", currency }).format(majorUnits(amount, currency));
}

export const TRIGGERS: readonly TriggerDefinition[] = [
  {
    trigger: WorkflowTrigger.CONTACT_CREATED,
    label: "Contact created",
    contract: identity.contactChanged,
    fields: [
      field("contactName", TriggerFieldType.TEXT, "Contact's name"),
      field("contactEmail", TriggerFieldType.TEXT, "Contact's email"),
    ],
    facts: (p) =>
      p.created === true
        ? {
            contactIds: [p.contact.id],
            values: { contactName: p.contact.name, contactEmail: p.contact.email },
            summary: `Contact ${p.contact.name} created`,
            next: null,
          }
        : null,
  },
  {
    trigger: WorkflowTrigger.INVOICE_SENT,
    label: "Invoice sent",
    contract: billing.invoiceSent,
    fields: [
      field("invoiceId", TriggerFieldType.ID, "Invoice"),
      field("number", TriggerFieldType.NUMBER, "Invoice number"),
      field("total", TriggerFieldType.NUMBER, "Invoice total"),
      field("amountDue", TriggerFieldType.NUMBER, "Amount due"),
      field("currency", TriggerFieldType.TEXT, "Currency"),
      INVITE,
    ],
    facts: (p) => ({
      contactIds: [p.contactId],
      values: {
        invoiceId: p.invoiceId,
        number: p.number,
        total: majorUnits(p.total, p.currency),
        amountDue: majorUnits(p.amountDue, p.currency),
        currency: p.currency,
        inviteToPortal: p.inviteToPortal !== false,
      },
      summary: `Invoice #${p.number} sent (${money(p.total, p.currency)})`,
      next: path("/invoices", p.invoiceId),
    }),
  },
  {
    trigger: WorkflowTrigger.INVOICE_PAID,
    label: "Invoice paid",
    contract: billing.invoicePaid,
    fields: [
      field("invoiceId", TriggerFieldType.ID, "Invoice"),
      field("number", TriggerFieldType.NUMBER, "Invoice number"),
      field("amountPaid", TriggerFieldType.NUMBER, "Amount paid"),
      field("currency", TriggerFieldType.TEXT, "Currency"),
      field("method", TriggerFieldType.TEXT, "Payment method"),
    ],
    facts: (p) => ({
      contactIds: [p.contactId],
      values: {
        invoiceId: p.invoiceId,
        number: p.number,
        amountPaid: majorUnits(p.amountPaid, p.currency),
        currency: p.currency,
        method: p.method,
      },
      summary: `Invoice #${p.number} paid (${money(p.amountPaid, p.currency)})`,
      next: path("/invoices", p.invoiceId),
    }),
  },
  {
    trigger: WorkflowTrigger.DOCUMENT_SENT,
    label: "Document sent",
    contract: documents.documentSent,
    fields: [field("documentId", TriggerFieldType.ID, "Document"), field("title", TriggerFieldType.TEXT, "Document title"), INVITE],
    facts: (p) => ({
      contactIds: p.contactIds,
      values: { documentId: p.documentId, title: p.title, inviteToPortal: p.inviteToPortal !== false },
      summary: `Document “${p.title}” sent`,
      next: path("/documents", p.documentId),
    }),
  },
  {
    trigger: WorkflowTrigger.DOCUMENT_COMPLETED,
    label: "Document completed",
    contract: documents.documentCompleted,
    fields: [field("documentId", TriggerFieldType.ID, "Document"), field("title", TriggerFieldType.TEXT, "Document title")],
    facts: (p) => ({
      contactIds: p.parties.map((party: { contactId: string | null }) => party.contactId).filter(Boolean),
      values: { documentId: p.documentId, title: p.title },
      summary: `Document “${p.title}” signed by everyone`,
      next: path("/documents", p.documentId),
    }),
  },
  {
    trigger: WorkflowTrigger.ORDER_PAID,
    label: "Order paid",
    contract: billing.orderPaid,
    fields: [
      field("offerId", TriggerFieldType.ID, "Offer"),
      field("offerName", TriggerFieldType.TEXT, "Offer name"),
      field("amountPaid", TriggerFieldType.NUMBER, "Amount paid"),
      field("currency", TriggerFieldType.TEXT, "Currency"),
      field("newContact", TriggerFieldType.BOOLEAN, "The buyer is a new contact"),
    ],
    facts: (p) => ({
      contactIds: [p.contactId],
      values: {
        orderId: p.orderId,
        offerId: p.offerId,
        offerName: p.offerName,
        amountPaid: majorUnits(p.amountPaid, p.currency),
        currency: p.currency,
        newContact: p.newContact,
      },
      summary: `Order of “${p.offerName}” paid (${money(p.amountPaid, p.currency)})`,
      next: p.portalPath,
      grants: p.grants,
    }),
  },
  {
    trigger: WorkflowTrigger.COURSE_ACCESS_GRANTED,
    label: "Course access granted",
    contract: courses.accessGranted,
    fields: [field("courseId", TriggerFieldType.ID, "Course"), field("courseTitle", TriggerFieldType.TEXT, "Course title"), INVITE],
    facts: (p) => ({
      contactIds: [p.contactId],
      values: { courseId: p.courseId, courseTitle: p.courseTitle, inviteToPortal: p.inviteToPortal !== false },
      summary: `Access to “${p.courseTitle}” granted`,
      next: path("/courses", p.courseId),
    }),
  },
  {
    trigger: WorkflowTrigger.COURSE_COMPLETED,
    label: "Course completed",
    contract: courses.courseCompleted,
    fields: [field("courseId", TriggerFieldType.ID, "Course"), field("courseTitle", TriggerFieldType.TEXT, "Course title")],
    facts: (p) => ({
      contactIds: [p.contactId],
      values: { courseId: p.courseId, courseTitle: p.courseTitle },
      summary: `Course “${p.courseTitle}” completed`,
      next: path("/courses", p.courseId),
    }),
  },
  {
    trigger: WorkflowTrigger.APPOINTMENT_BOOKED,
    label: "Appointment booked",
    contract: appointments.bookingConfirmed,
    fields: [
      field("appointmentType", TriggerFieldType.TEXT, "Appointment type"),
      field("bookedBy", TriggerFieldType.TEXT, "Booked by (CLIENT or STAFF)"),
      INVITE,
    ],
    facts: (p) => ({
      contactIds: [p.contactId],
      values: {
        bookingId: p.bookingId,
        appointmentType: p.appointmentTypeName,
        bookedBy: p.bookedBy,
        inviteToPortal: p.inviteToPortal !== false,
      },
      summary: `Appointment “${p.appointmentTypeName}” booked`,
      next: path("/appointments", p.bookingId),
    }),
  },
  {
    trigger: WorkflowTrigger.ADDED_TO_GROUP,
    label: "Added to a group",
    contract: communities.memberAdded,
    fields: [field("groupId", TriggerFieldType.ID, "Group"), field("groupName", TriggerFieldType.TEXT, "Group name"), INVITE],
    facts: (p) => ({
      contactIds: [p.contactId],
      values: { groupId: p.groupId, groupName: p.groupName, inviteToPortal: p.inviteToPortal !== false },
      summary: `Added to the group “${p.groupName}”`,
      next: path("/communities", p.groupId),
    }),
  },
  {
    trigger: WorkflowTrigger.BECAME_AFFILIATE,
    label: "Became an affiliate",
    contract: affiliates.affiliateJoined,
    fields: [field("code", TriggerFieldType.TEXT, "Referral code"), INVITE],
    facts: (p) => ({
      contactIds: [p.contactId],
      values: { affiliateId: p.affiliateId, code: p.code, inviteToPortal: p.inviteToPortal !== false },
      summary: "Became an affiliate",
      next: "/affiliates",
    }),
  },
];

export function triggerDefinition(trigger: WorkflowTrigger): TriggerDefinition {
  const definition = TRIGGERS.find((entry) => entry.trigger === trigger);
  if (!definition) throw new Error(`Unknown workflow trigger ${trigger}`);
  return definition;
}

/** The condition field every trigger has: the contact's portal access from automation's copy of identity's contacts. */
export const PORTAL_ACCESS_FIELD = field(
  "contactHasPortalAccess",
  TriggerFieldType.BOOLEAN,
  "Contact has portal access (invited or active)",
);

export function fieldsOf(trigger: WorkflowTrigger): TriggerField[] {
  return [...triggerDefinition(trigger).fields, PORTAL_ACCESS_FIELD];
}
