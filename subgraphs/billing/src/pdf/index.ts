/** Invoice and receipt PDFs: pure rendering from a data snapshot (no database, GraphQL or network). */
export type {
  BusinessBranding,
  CalendarDate,
  InvoiceDetails,
  InvoiceDocument,
  InvoiceLineItem,
  InvoiceRecipient,
  InvoiceStatus,
  PaymentDetails,
  RefundDetails,
} from "./invoice-document.js";
export { formatBasisPoints, formatMoney, minorUnitDigits } from "./money.js";
export { renderInvoicePdf, renderReceiptPdf } from "./render-invoice.js";
