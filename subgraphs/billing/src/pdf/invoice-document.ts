/**
 * Plain data the PDF renderer takes. It is a snapshot assembled by the billing service (branding,
 * contact and invoice as they were when the PDF was requested), so rendering needs no database,
 * no GraphQL and no network. All amounts are integer minor units of `invoice.currency`.
 */

export type InvoiceStatus = "draft" | "open" | "overdue" | "paid" | "void" | "refunded" | "partially_refunded";

/** A day without a time of day, e.g. "2026-11-01". */
export type CalendarDate = Date | string;

export interface BusinessBranding {
  /** Name shown in the header and used as the PDF's Author. */
  displayName: string;
  /**
   * Logo as stored in the branding settings. Only `data:image/png` and `data:image/jpeg` URIs are
   * embedded: remote URLs are never fetched while rendering, and SVG is not supported by the PDF
   * library, so those fall back to the name alone.
   */
  logoUrl?: string | null;
  /** CSS hex colour (#rgb or #rrggbb) for the business name and headings. */
  primaryColor?: string | null;
  /** CSS hex colour for rules and the table header. */
  accentColor?: string | null;
  /** Postal address, one line per entry. */
  addressLines?: readonly string[];
  email?: string | null;
}

export interface InvoiceRecipient {
  name: string;
  email?: string | null;
}

export interface InvoiceLineItem {
  description: string;
  /** May be fractional (e.g. 1.5 hours). */
  quantity: number;
  unitPrice: number;
  /** Line total as computed by the billing service; the renderer never recomputes money. */
  amount: number;
}

export interface InvoiceDetails {
  number: string;
  /** ISO 4217 code, e.g. "USD", "JPY", "KWD". */
  currency: string;
  status: InvoiceStatus;
  /** Calendar date: "YYYY-MM-DD" as stored, or a Date read at UTC midnight. Never shifted by time zone. */
  issueDate: CalendarDate;
  dueDate?: CalendarDate | null;
  lineItems: readonly InvoiceLineItem[];
  subtotal: number;
  discount: number;
  /** Tax rate in basis points (825 = 8.25%); 0 or null when untaxed. */
  taxRateBps?: number | null;
  taxAmount: number;
  total: number;
  amountPaid: number;
  amountDue: number;
  /** Client-facing notes (e.g. payment terms). */
  notes?: string | null;
  memo?: string | null;
}

export interface PaymentDetails {
  /** Human label such as "Card •••• 4242", "Bank transfer" or "Test payment". */
  methodLabel: string;
  paidAt: Date;
  amount: number;
}

export interface RefundDetails {
  amount: number;
  refundedAt: Date;
  reason?: string | null;
}

export interface InvoiceDocument {
  /** What the receipt is for: an invoice (default) or an order from an order page (same layout, its own title). */
  subject?: "invoice" | "order";
  business: BusinessBranding;
  recipient: InvoiceRecipient;
  invoice: InvoiceDetails;
  payment?: PaymentDetails | null;
  refunds?: readonly RefundDetails[];
  /** BCP 47 locale for numbers and dates; defaults to "en-US". */
  locale?: string;
  /** IANA zone for payment and refund times, normally the business's; defaults to "UTC". */
  timeZone?: string;
}
