import { useMutation } from "@apollo/client/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { graphql } from "../../../gql";
import type { InvoiceDetailFragment } from "../../../gql/graphql";
import { BackLink } from "../../../shared/BackLink";
import { ErrorMessage } from "../../../shared/ErrorMessage";
import { Field, TextAreaField } from "../../../shared/Field";
import { formatMoney } from "../../../shared/money";
import { dropInvoiceLists } from "../shared/useInvoiceLive";
import { generalMessage, messageFor, problemOf, type Problem } from "../../../shared/results";
import { ContactPicker } from "./ContactPicker";
import { draftFromInvoice, draftToInput, draftTotals, newDraft, type InvoiceDraft } from "./invoiceDraft";
import { LineItemsEditor } from "./LineItemsEditor";

const CreateInvoiceDocument = graphql(`
  mutation CreateInvoice($input: InvoiceInput!) {
    createInvoice(input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }
    }
  }
`);

const UpdateInvoiceDocument = graphql(`
  mutation UpdateInvoice($id: ID!, $input: InvoiceInput!) {
    updateInvoice(id: $id, input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }
    }
  }
`);

const TOP_FIELDS = ["contactId", "currency", "taxRateBps", "discountAmount", "issueDate", "dueDate", "notes", "memo", "lines"];

/** A new invoice, or a draft being edited, with totals that follow every keystroke. */
export function InvoiceForm({ existing, contactId }: { existing?: InvoiceDetailFragment; contactId?: string }) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<InvoiceDraft>(() => (existing ? draftFromInvoice(existing) : newDraft(contactId)));
  const [problem, setProblem] = useState<Problem | null>(null);
  const form = useRef<HTMLFormElement>(null);
  // After a refused save, focus moves to the input the error is about (its message is described by it).
  useEffect(() => {
    if (problem?.field) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [problem]);
  const [createInvoice, creation] = useMutation(CreateInvoiceDocument);
  const [updateInvoice, update] = useMutation(UpdateInvoiceDocument);
  const saving = creation.loading || update.loading;
  const error = creation.error ?? update.error;
  const set = (patch: Partial<InvoiceDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const totals = draftTotals(draft);
  const money = (amount: number) => formatMoney(amount, draft.currency);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const converted = draftToInput(draft);
    if ("problem" in converted) {
      setProblem(converted.problem);
      return;
    }
    const { input } = converted;
    const result = existing
      ? (await updateInvoice({ variables: { id: existing.id, input } })).data?.updateInvoice
      : (await createInvoice({ variables: { input }, update: (cache) => dropInvoiceLists(cache, draft.contactId) })).data?.createInvoice;
    if (!result) return;
    setProblem(problemOf(result));
    if (result.__typename === "InvoiceSuccess") await navigate(`/admin/invoices/${result.invoice.id}`);
  };

  const lineFields = draft.lines.flatMap((_, i) => [`lines.${i}.description`, `lines.${i}.quantity`, `lines.${i}.unitPrice`]);
  const general = generalMessage(problem, [...TOP_FIELDS, ...lineFields]);
  return (
    <>
      <BackLink
        to={existing ? `/admin/invoices/${existing.id}` : "/admin/invoices"}
        label={existing ? `Back to invoice #${existing.number}` : "Back to invoices"}
      />
      <h1>{existing ? `Edit draft invoice #${existing.number}` : "New invoice"}</h1>
      <form ref={form} className="card" onSubmit={submit} noValidate>
        <div className="form-grid">
          <ContactPicker
            label="Contact"
            emptyLabel="Choose a contact"
            value={draft.contactId}
            selected={existing?.contact}
            onChange={(id) => set({ contactId: id })}
            error={messageFor(problem, "contactId")}
          />
          <Field
            label="Currency"
            value={draft.currency}
            maxLength={3}
            autoCapitalize="characters"
            hint="ISO code, e.g. USD, EUR"
            onChange={(e) => set({ currency: e.target.value.toUpperCase() })}
            error={messageFor(problem, "currency")}
          />
          <Field
            label="Issue date"
            type="date"
            value={draft.issueDate}
            onChange={(e) => set({ issueDate: e.target.value })}
            error={messageFor(problem, "issueDate")}
          />
          <Field
            label="Due date"
            type="date"
            value={draft.dueDate}
            onChange={(e) => set({ dueDate: e.target.value })}
            error={messageFor(problem, "dueDate")}
          />
        </div>
        <LineItemsEditor lines={draft.lines} currency={draft.currency} problem={problem} onChange={(lines) => set({ lines })} />
        <div className="form-grid">
          <Field
            label="Tax rate (%)"
            inputMode="decimal"
            placeholder="0"
            value={draft.taxRate}
            hint="Applied after the discount"
            onChange={(e) => set({ taxRate: e.target.value })}
            error={messageFor(problem, "taxRateBps")}
          />
          <Field
            label="Discount"
            inputMode="decimal"
            placeholder="0.00"
            value={draft.discount}
            hint="A fixed amount off the subtotal"
            onChange={(e) => set({ discount: e.target.value })}
            error={messageFor(problem, "discountAmount")}
          />
        </div>
        <dl className="totals" aria-label="Totals" aria-live="polite" data-testid="draft-totals">
          <dt>Subtotal</dt>
          <dd>{money(totals.subtotal)}</dd>
          <dt>Discount</dt>
          <dd>−{money(totals.discount)}</dd>
          <dt>Tax</dt>
          <dd>{money(totals.tax)}</dd>
          <dt className="totals-strong">Total</dt>
          <dd className="totals-strong" data-testid="draft-total">
            {money(totals.total)}
          </dd>
        </dl>
        <TextAreaField
          label="Notes"
          hint="Shown to the client on the invoice"
          rows={3}
          value={draft.notes}
          onChange={(e) => set({ notes: e.target.value })}
          error={messageFor(problem, "notes")}
        />
        <TextAreaField
          label="Memo"
          hint="Internal, staff only"
          rows={2}
          value={draft.memo}
          onChange={(e) => set({ memo: e.target.value })}
          error={messageFor(problem, "memo")}
        />
        <p className="visually-hidden" role="alert">
          {problem?.field ? "Not saved: check the highlighted field." : ""}
        </p>
        {general && <p className="alert alert-error">{general}</p>}
        {error && <ErrorMessage error={error} />}
        <button type="submit" className="button" disabled={saving}>
          {saving ? "Saving…" : "Save draft"}
        </button>
      </form>
    </>
  );
}
