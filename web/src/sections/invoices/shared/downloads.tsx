/** PDF links served by the gateway's files endpoint (same origin, session cookie). */
export function invoicePdfUrl(invoiceId: string): string {
  return `/files/billing/invoices/${encodeURIComponent(invoiceId)}.pdf`;
}

export function receiptPdfUrl(invoiceId: string): string {
  return `/files/billing/invoices/${encodeURIComponent(invoiceId)}/receipt.pdf`;
}

/** "Download invoice PDF", plus "Download receipt" once something was paid. */
export function InvoiceDownloads({ invoiceId, paid }: { invoiceId: string; paid: boolean }) {
  return (
    <ul className="download-links" aria-label="Downloads">
      <li>
        <a href={invoicePdfUrl(invoiceId)} download>
          Download invoice PDF
        </a>
      </li>
      {paid && (
        <li>
          <a href={receiptPdfUrl(invoiceId)} download>
            Download receipt
          </a>
        </li>
      )}
    </ul>
  );
}
