import { useQuery } from "@apollo/client/react";
import { useParams } from "react-router";
import { graphql } from "../../../gql";
import { BackLink } from "../../../shared/BackLink";
import { InvoiceDownloads } from "../shared/downloads";
import { InvoiceLinesTable } from "../shared/InvoiceLinesTable";
import { formatDay } from "../../../shared/money";
import { InvoiceStatusBadge } from "../shared/InvoiceStatusBadge";
import { PaymentsList } from "../shared/PaymentsList";
import { useInvoiceLive } from "../shared/useInvoiceLive";
import { formatDateTime } from "../../../shared/format";
import { QueryState } from "../../../shared/QueryState";
import { PayPanel } from "./PayPanel";

const ClientInvoiceDocument = graphql(`
  query ClientInvoice($id: ID!) {
    invoice(id: $id) { ...InvoiceDetail }
    paymentOptions { paymentMode }
  }
`);

/** One invoice for the client: what it is for, what is due, and paying it. Updates live. */
export function ClientInvoicePage() {
  const { invoiceId = "" } = useParams();
  useInvoiceLive();
  const { data, loading, error, refetch } = useQuery(ClientInvoiceDocument, { variables: { id: invoiceId } });
  return (
    <>
      <BackLink to="/invoices" label="Back to invoices" />
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ invoice, paymentOptions }) =>
          !invoice ? (
            <h1>Invoice not found</h1>
          ) : (
            <>
              <div className="page-heading">
                <h1>Invoice #{invoice.number}</h1>
                <InvoiceStatusBadge status={invoice.status} />
              </div>
              <PayPanel invoice={invoice} options={paymentOptions} />
              <section className="card" aria-labelledby="invoice-summary-title">
                <h2 id="invoice-summary-title">Details</h2>
                <dl className="details">
                  <dt>Issued</dt>
                  <dd>{formatDay(invoice.issueDate)}</dd>
                  <dt>Due</dt>
                  <dd>
                    {formatDay(invoice.dueDate)}
                    {invoice.overdue && (
                      <>
                        {" "}
                        <span className="badge badge-invoice-overdue">Overdue</span>
                      </>
                    )}
                  </dd>
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
                </dl>
                <InvoiceLinesTable invoice={invoice} />
                {invoice.notes && <p className="invoice-notes">{invoice.notes}</p>}
                <InvoiceDownloads invoiceId={invoice.id} paid={invoice.amountPaid > 0} />
              </section>
              <PaymentsList invoice={invoice} />
            </>
          )
        }
      </QueryState>
    </>
  );
}
