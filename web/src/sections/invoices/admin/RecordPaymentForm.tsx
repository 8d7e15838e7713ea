import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import type { InvoiceDetailFragment, OfflinePaymentMethod } from "../../../gql/graphql";
import { ErrorMessage } from "../../../shared/ErrorMessage";
import { Field } from "../../../shared/Field";
import { formatMoney, minorToInput, parseMoney } from "../../../shared/money";
import { dropInvoiceLists } from "../shared/useInvoiceLive";
import { generalMessage, messageFor, problemOf, type Problem } from "../../../shared/results";
import { RecordPaymentDocument } from "./invoiceMutations";

const METHODS: { value: OfflinePaymentMethod; label: string }[] = [
  { value: "BANK_TRANSFER", label: "Bank transfer" },
  { value: "CASH", label: "Cash" },
  { value: "CHECK", label: "Check" },
  { value: "CARD", label: "Card (in person)" },
  { value: "OTHER", label: "Other" },
];

/** Money received outside the portal; partial amounts leave the rest due. */
interface RecordPaymentFormProps {
  invoice: InvoiceDetailFragment;
  /** Reports success to the page, which keeps the message when this form goes away (e.g. now paid). */
  onDone: (message: string) => void;
}

export function RecordPaymentForm({ invoice, onDone }: RecordPaymentFormProps) {
  const [amount, setAmount] = useState(minorToInput(invoice.amountDue, invoice.currency));
  const [method, setMethod] = useState<OfflinePaymentMethod>("BANK_TRANSFER");
  const [reference, setReference] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [record, { loading, error }] = useMutation(RecordPaymentDocument, {
    update: (cache) => dropInvoiceLists(cache, invoice.contact.id),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const minor = amount.trim() ? parseMoney(amount, invoice.currency) : null;
    if (amount.trim() && minor === null) {
      setProblem({ kind: "ValidationError", field: "amount", message: "Enter an amount, e.g. 12.50" });
      return;
    }
    const result = (
      await record({
        variables: { input: { invoiceId: invoice.id, amount: minor, method, reference: reference.trim() || null } },
      })
    ).data?.recordPayment;
    if (!result) return;
    setProblem(problemOf(result));
    if (result.__typename === "InvoiceSuccess") {
      onDone(`Payment of ${formatMoney(minor ?? invoice.amountDue, invoice.currency)} recorded.`);
      setReference("");
      setAmount(minorToInput(result.invoice.amountDue, invoice.currency));
    }
  };

  const general = generalMessage(problem, ["amount", "method", "reference"]);
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="record-payment-title">
      <h2 id="record-payment-title">Record a payment</h2>
      <Field
        label="Amount received"
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        hint={`Amount due: ${formatMoney(invoice.amountDue, invoice.currency)}`}
        error={messageFor(problem, "amount")}
      />
      <div className="field">
        <label htmlFor="payment-method">Method</label>
        <select id="payment-method" value={method} onChange={(e) => setMethod(e.target.value as OfflinePaymentMethod)}>
          {METHODS.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <Field
        label="Reference or note"
        value={reference}
        onChange={(e) => setReference(e.target.value)}
        hint="Check number, transfer reference…"
        error={messageFor(problem, "reference")}
      />
      {general && (
        <p className="alert alert-error" role="alert">
          {general}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      <button type="submit" className="button" disabled={loading}>
        {loading ? "Recording…" : "Record payment"}
      </button>
    </form>
  );
}
