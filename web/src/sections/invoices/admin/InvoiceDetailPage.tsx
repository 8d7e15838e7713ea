import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { BackLink } from "../../../shared/BackLink";
import { formatDateTime } from "../../../shared/format";
import { InvoiceDownloads } from "../shared/downloads";
import { InvoiceLinesTable } from "../shared/InvoiceLinesTable";
import { formatDay } from "../../../shared/money";
import { InvoiceStatusBadge } from "../shared/InvoiceStatusBadge";
import { PaymentsList } from "../shared/PaymentsList";
import { useInvoiceLive } from "../shared/useInvoiceLive";
import { QueryState } from "../../../shared/QueryState";
import { AdminInvoiceDocument } from "./AdminInvoiceDocument";
import { InvoiceActions } from "./InvoiceActions";
import { RecordPaymentForm } from "./RecordPaymentForm";
import { RefundForm } from "./RefundForm";

/** One invoice for staff, with what can be done to it now; updates live (e.g. when the client pays). */
export function InvoiceDetailPage() {
  const { invoiceId = "" } = useParams();
  useInvoiceLive();
  // Tied to the invoice so it does not linger when the page shows another one.
  const [notice, setNoticeFor] = useState<{ invoiceId: string; message: string } | null>(null);
  const setNotice = (message: string) => setNoticeFor({ invoiceId, message });
  const { data, loading, error, refetch } = useQuery(AdminInvoiceDocument, { variables: { id: invoiceId } });
  return (
    <>
      <BackLink to="/admin/invoices" label="Back to invoices" />
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ invoice }) =>
          !invoice ? (
            <h1>Invoice not found</h1>
          ) : (
            <>
              <div className="page-heading">
                <h1>Invoice #{invoice.number}</h1>
                <InvoiceStatusBadge status={invoice.status} />
              </div>
              <InvoiceActions invoice={invoice} />
              <div aria-live="polite">
                {notice?.invoiceId === invoiceId && (
                  <p className="alert alert-success" role="status">
                    {notice.message}
                  </p>
                )}
              </div>
              <section className="card" aria-labelledby="invoice-details-title">
                <h2 id="invoice-details-title">Details</h2>
                <dl className="details">
                  <dt>Contact</dt>
                  <dd>
                    <Link to={`/admin/contacts/${invoice.contact.id}`}>{invoice.contact.name}</Link>
                  </dd>
                  <dt>Issued</dt>
                  <dd>{formatDay(invoice.issueDate)}</dd>
                  <dt>Due</dt>
                  <dd>{formatDay(invoice.dueDate)}</dd>
                  {invoice.sentAt && (
                    <>
                      <dt>Sent</dt>
                      <dd>{formatDateTime(invoice.sentAt)}</dd>
                    </>
                  )}
                  {invoice.paidAt && (
                    <>
                      <dt>Paid</dt>
                      <dd>{formatDateTime(invoice.paidAt)}</dd>
                    </>
                  )}
                  {invoice.voidedAt && (
                    <>
                      <dt>Voided</dt>
                      <dd>{formatDateTime(invoice.voidedAt)}</dd>
                    </>
                  )}
                  {invoice.memo && (
                    <>
                      <dt>Memo</dt>
                      <dd className="invoice-notes">{invoice.memo}</dd>
                    </>
                  )}
                </dl>
                <InvoiceLinesTable invoice={invoice} />
                {invoice.notes && <p className="invoice-notes">{invoice.notes}</p>}
                {invoice.status !== "DRAFT" && <InvoiceDownloads invoiceId={invoice.id} paid={invoice.amountPaid > 0} />}
              </section>
              <div className="action-forms">
                {(invoice.status === "OPEN" || invoice.status === "OVERDUE") && <RecordPaymentForm invoice={invoice} onDone={setNotice} />}
                {(invoice.status === "PAID" || invoice.status === "PARTIALLY_REFUNDED") && (
                  <RefundForm invoice={invoice} onDone={setNotice} />
                )}
              </div>
              <PaymentsList invoice={invoice} />
            </>
          )
        }
      </QueryState>
    </>
  );
}
