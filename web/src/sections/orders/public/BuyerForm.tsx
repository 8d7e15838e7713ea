import { useMutation } from "@apollo/client/react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import type { PaymentMode } from "../../../gql/graphql";
import { ErrorMessage } from "../../../shared/ErrorMessage";
import { Field } from "../../../shared/Field";
import { messageFor, type Problem, problemOf } from "../../../shared/results";
import { StartOrderDocument } from "./operations";
import { rememberOrderToken } from "./orderToken";

/** An order billing started: what the payment step needs. */
export interface StartedOrder {
  orderId: string;
  orderToken: string;
  paymentMode: PaymentMode;
  clientSecret: string | null;
  publishableKey: string | null;
  name: string;
  email: string;
}

interface BuyerFormProps {
  slug: string;
  referralCode: string | null;
  price: string;
  /** What the buyer typed before, when they come back to change it. */
  initial?: { name: string; email: string };
  onStarted: (order: StartedOrder) => void;
}

/** Name and email: billing starts a pending order with them, then the buyer pays. */
export function BuyerForm({ slug, referralCode, price, initial, onStarted }: BuyerFormProps) {
  const [name, setName] = useState(initial?.name ?? "");
  const [email, setEmail] = useState(initial?.email ?? "");
  const [problem, setProblem] = useState<Problem | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const [start, { loading, error }] = useMutation(StartOrderDocument);
  useEffect(() => {
    if (problem?.field) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [problem]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setProblem({ kind: "ValidationError", field: "name", message: "Enter your name" });
    if (!/^\S+@\S+\.\S+$/.test(email.trim()))
      return setProblem({ kind: "ValidationError", field: "email", message: "Enter your email address, e.g. you@example.com" });
    setProblem(null);
    const result = (await start({ variables: { input: { slug, name: name.trim(), email: email.trim(), referralCode } } }).catch(() => null))
      ?.data?.startOrder;
    if (!result) return;
    if (result.__typename !== "OrderStarted") return setProblem(problemOf(result));
    rememberOrderToken(result.orderId, result.orderToken);
    onStarted({
      orderId: result.orderId,
      orderToken: result.orderToken,
      paymentMode: result.paymentMode,
      clientSecret: result.clientSecret ?? null,
      publishableKey: result.publishableKey ?? null,
      name: name.trim(),
      email: email.trim(),
    });
  };

  const general = problem && problem.field !== "name" && problem.field !== "email" ? problem.message : undefined;
  return (
    <form ref={form} className="card" onSubmit={submit} noValidate aria-labelledby="buyer-title">
      <h2 id="buyer-title">Your details</h2>
      <p className="hint">We create your access with this email: you will sign in with it, no password needed.</p>
      <Field
        label="Name"
        autoComplete="name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={messageFor(problem, "name")}
      />
      <Field
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={messageFor(problem, "email")}
      />
      {general && (
        <p className="alert alert-error" role="alert">
          {general}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      <button type="submit" className="button button-large" disabled={loading}>
        {loading ? "One moment…" : `Continue to pay ${price}`}
      </button>
    </form>
  );
}
