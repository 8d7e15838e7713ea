import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import type { InvoiceDetailFragment } from "../../../gql/graphql";
import { ErrorMessage } from "../../../shared/ErrorMessage";
import { Field } from "../../../shared/Field";
import { formatMoney, parseMoney } from "../../../shared/money";
import { dropInvoiceLists } from "../shared/useInvoiceLive";
import { generalMessage, messageFor, problemOf, type Problem } from "../../../shared/results";
import { RefundInvoiceDocument } from "./invoiceMutations";

/** Gives money back on a paid invoice, never more than was paid and not yet refunded. */
interface RefundFormProps {
  invoice: InvoiceDetailFragment;
  /** Reports success to the page, which keeps the message when this form goes away (e.g. now paid). */
  onDone: (message: string) => void;
}

export function RefundForm({ invoice, onDone }: RefundFormProps) {
  const refundable = invoice.amountPaid - invoice.amountRefunded;
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [refund, { loading, error }] = useMutation(RefundInvoiceDocument, {
    update: (cache) => dropInvoiceLists(cache, invoice.contact.id),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const minor = parseMoney(amount, invoice.currency);
    if (minor === null || minor === 0) {
      setProblem({ kind: "ValidationError", field: "amount", message: "Enter the amount to refund, e.g. 12.50" });
      return;
    }
    const result = (
      await refund({
        variables: { input: { invoiceId: invoice.id, amount: minor, reason: reason.trim() || null } },
      })
    ).data?.refundInvoice;
    if (!result) return;
    setProblem(problemOf(result));
    if (result.__typename === "InvoiceSuccess") {
      onDone(`Refunded ${formatMoney(minor, invoice.currency)}.`);
      setAmount("");
      setReason("");
    }
  };

  const general = generalMessage(problem, ["amount", "reason"]);
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="refund-title">
      <h2 id="refund-title">Refund</h2>
      <Field
        label="Amount to refund"
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        hint={`Up to ${formatMoney(refundable, invoice.currency)}`}
        error={messageFor(problem, "amount")}
      />
      <Field label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} error={messageFor(problem, "reason")} />
      {general && (
        <p className="alert alert-error" role="alert">
          {general}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      <button type="submit" className="button" disabled={loading}>
        {loading ? "Refunding…" : "Refund"}
      </button>
    </form>
  );
}
