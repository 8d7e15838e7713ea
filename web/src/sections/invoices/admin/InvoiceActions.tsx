import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { Link } from "react-router";
import type { InvoiceDetailFragment } from "../../../gql/graphql";
import { ConfirmDialog } from "../../../shared/ConfirmDialog";
import { ErrorMessage } from "../../../shared/ErrorMessage";
import { dropInvoiceLists } from "../shared/useInvoiceLive";
import { problemOf } from "../../../shared/results";
import { InviteToPortalOption } from "./InviteToPortalOption";
import { SendInvoiceDocument, VoidInvoiceDocument } from "./invoiceMutations";

/** `status` is the invoice's status right after the action: the message goes once it moves on. */
type Outcome = { ok: boolean; message: string; status: string } | null;

/** Edit / Send for drafts, Void (confirmed) for drafts and unpaid open invoices. */
export function InvoiceActions({ invoice }: { invoice: InvoiceDetailFragment }) {
  const [latest, setOutcome] = useState<Outcome>(null);
  const outcome = latest && latest.status === invoice.status ? latest : null;
  const [confirmingVoid, setConfirmingVoid] = useState(false);
  // Only sent along when the checkbox shows (contact without portal access); identity ignores it otherwise.
  const [inviteToPortal, setInviteToPortal] = useState(true);
  const refreshLists = { update: (cache: Parameters<typeof dropInvoiceLists>[0]) => dropInvoiceLists(cache, invoice.contact.id) };
  const [send, sending] = useMutation(SendInvoiceDocument, refreshLists);
  const [voidInvoice, voiding] = useMutation(VoidInvoiceDocument, refreshLists);
  const isDraft = invoice.status === "DRAFT";
  const voidable = isDraft || ((invoice.status === "OPEN" || invoice.status === "OVERDUE") && invoice.amountPaid === 0);

  const onSend = async () => {
    setOutcome(null);
    const result = (await send({ variables: { id: invoice.id, inviteToPortal } })).data?.sendInvoice;
    if (!result) return;
    const problem = problemOf(result);
    setOutcome(
      problem
        ? { ok: false, message: problem.message, status: invoice.status }
        : {
            ok: true,
            message: `Invoice #${invoice.number} sent to ${invoice.contact.name}.`,
            status: result.__typename === "InvoiceSuccess" ? result.invoice.status : invoice.status,
          },
    );
  };
  const onVoid = async () => {
    setOutcome(null);
    const result = (await voidInvoice({ variables: { id: invoice.id } })).data?.voidInvoice;
    setConfirmingVoid(false);
    if (!result) return;
    const problem = problemOf(result);
    setOutcome(
      problem
        ? { ok: false, message: problem.message, status: invoice.status }
        : { ok: true, message: `Invoice #${invoice.number} voided.`, status: "VOID" },
    );
  };

  if (!isDraft && !voidable && !outcome) return null;
  return (
    <div>
      {isDraft && <InviteToPortalOption contactId={invoice.contact.id} checked={inviteToPortal} onChange={setInviteToPortal} />}
      <div className="actions">
        {isDraft && (
          <Link to={`/admin/invoices/${invoice.id}/edit`} className="button button-secondary">
            Edit draft
          </Link>
        )}
        {isDraft && (
          <button type="button" className="button" disabled={sending.loading} onClick={() => void onSend()}>
            {sending.loading ? "Sending…" : "Send invoice"}
          </button>
        )}
        {voidable && (
          <button type="button" className="button button-danger" onClick={() => setConfirmingVoid(true)}>
            Void invoice
          </button>
        )}
      </div>
      <div aria-live="polite">
        {outcome?.ok && (
          <p className="alert alert-success" role="status">
            {outcome.message}
          </p>
        )}
      </div>
      {outcome && !outcome.ok && (
        <p className="alert alert-error" role="alert">
          {outcome.message}
        </p>
      )}
      {sending.error && <ErrorMessage error={sending.error} />}
      {voiding.error && <ErrorMessage error={voiding.error} />}
      <ConfirmDialog
        open={confirmingVoid}
        title={`Void invoice #${invoice.number}?`}
        confirmLabel="Void invoice"
        danger
        busy={voiding.loading}
        onConfirm={() => void onVoid()}
        onCancel={() => setConfirmingVoid(false)}
      >
        <p>The client can no longer pay it. This cannot be undone.</p>
      </ConfirmDialog>
    </div>
  );
}
