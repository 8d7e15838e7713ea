import { useQuery } from "@apollo/client/react";
import { Link, useParams, useSearchParams } from "react-router";
import { QueryState } from "../../../shared/QueryState";
import { AdminInvoiceDocument } from "./AdminInvoiceDocument";
import { InvoiceForm } from "./InvoiceForm";

/** /admin/invoices/new (optionally ?contact=<id>) and /admin/invoices/:invoiceId/edit for drafts. */
export function InvoiceFormPage() {
  const { invoiceId } = useParams();
  const [params] = useSearchParams();
  if (!invoiceId) return <InvoiceForm contactId={params.get("contact") ?? undefined} />;
  return <EditDraft invoiceId={invoiceId} />;
}

function EditDraft({ invoiceId }: { invoiceId: string }) {
  const { data, loading, error, refetch } = useQuery(AdminInvoiceDocument, { variables: { id: invoiceId } });
  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
      {({ invoice }) =>
        !invoice ? (
          <>
            <h1>Invoice not found</h1>
            <Link to="/admin/invoices">Back to invoices</Link>
          </>
        ) : invoice.status !== "DRAFT" ? (
          <>
            <h1>Invoice #{invoice.number} was sent</h1>
            <p>Only drafts can be edited.</p>
            <Link to={`/admin/invoices/${invoice.id}`}>Back to invoice #{invoice.number}</Link>
          </>
        ) : (
          <InvoiceForm key={invoice.id} existing={invoice} />
        )
      }
    </QueryState>
  );
}
