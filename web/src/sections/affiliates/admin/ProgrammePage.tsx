import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useEffect, useId, useState } from "react";
import type { AffiliateProgrammeFieldsFragment } from "../../../gql/graphql";
import { Field, TextAreaField } from "../../../shared/Field";
import { QueryState } from "../../../shared/QueryState";
import { problemOf } from "../../../shared/results";
import { ProgrammeTerms } from "../shared/ProgrammeTerms";
import { AffiliateTabs } from "./AffiliateTabs";
import { AdminAffiliateProgrammeDocument, UpdateAffiliateProgrammeDocument } from "./operations";
import { type DraftProblem, draftFrom, inputFrom, PROGRAMME_FIELDS, type ProgrammeDraft } from "./programmeDraft";

/** The business's affiliate programme: on or off, what affiliates earn, when, and where links may land. */
export function ProgrammePage() {
  const { data, loading, error, refetch } = useQuery(AdminAffiliateProgrammeDocument, { fetchPolicy: "cache-and-network" });
  useEffect(() => {
    document.title = "Affiliates – Programme";
  }, []);
  return (
    <>
      <h1>Affiliates</h1>
      <AffiliateTabs />
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading the programme…" onRetry={() => void refetch()}>
        {({ affiliateProgramme }) => <ProgrammeForm programme={affiliateProgramme} />}
      </QueryState>
    </>
  );
}

function ProgrammeForm({ programme }: { programme: AffiliateProgrammeFieldsFragment }) {
  const id = useId();
  const [draft, setDraft] = useState<ProgrammeDraft>(() => draftFrom(programme));
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const [general, setGeneral] = useState("");
  const [saved, setSaved] = useState("");
  const [update, { loading }] = useMutation(UpdateAffiliateProgrammeDocument);
  const change = <K extends keyof ProgrammeDraft>(key: K, value: ProgrammeDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const errorFor = (field: DraftProblem["field"]) => (problem?.field === field ? problem.message : undefined);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved("");
    setGeneral("");
    const parsed = inputFrom(draft);
    if ("problem" in parsed) {
      setProblem(parsed.problem);
      return;
    }
    const result = (await update({ variables: { input: parsed.input } })).data?.updateAffiliateProgramme;
    if (result?.__typename === "AffiliateProgrammeSuccess") {
      setProblem(null);
      setDraft(draftFrom(result.programme));
      setSaved("The programme was saved.");
      return;
    }
    const failure = problemOf(result);
    // "allowedLandingUrls.3" points at one line of the list: the list's field shows it.
    const field = failure?.field?.split(".")[0] as DraftProblem["field"] | undefined;
    if (failure && field && PROGRAMME_FIELDS.includes(field)) setProblem({ field, message: failure.message });
    else setGeneral(failure?.message ?? "Could not save the programme. Please try again.");
  };
  const preview = inputFrom(draft);
  return (
    <>
      <form className="card" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>Programme settings</h2>
        {general && (
          <p className="alert alert-error" role="alert">
            {general}
          </p>
        )}
        <div className="field checkbox">
          <input
            id={`${id}-enabled`}
            type="checkbox"
            checked={draft.enabled}
            onChange={(event) => change("enabled", event.currentTarget.checked)}
          />
          <label htmlFor={`${id}-enabled`}>Programme open: affiliates' links count clicks, referrals and commissions</label>
        </div>
        <fieldset className="fieldset">
          <legend>Commission</legend>
          <div className="field checkbox">
            <input
              id={`${id}-percentage`}
              type="radio"
              name="commissionType"
              checked={draft.commissionType === "PERCENTAGE"}
              onChange={() => change("commissionType", "PERCENTAGE")}
            />
            <label htmlFor={`${id}-percentage`}>A percentage of what the referred client pays</label>
          </div>
          <div className="field checkbox">
            <input
              id={`${id}-fixed`}
              type="radio"
              name="commissionType"
              checked={draft.commissionType === "FIXED"}
              onChange={() => change("commissionType", "FIXED")}
            />
            <label htmlFor={`${id}-fixed`}>A fixed amount per paid invoice</label>
          </div>
          {draft.commissionType === "PERCENTAGE" ? (
            <Field
              label="Percentage"
              hint="0 to 100, e.g. 20 or 12.5"
              inputMode="decimal"
              value={draft.percent}
              onChange={(event) => change("percent", event.currentTarget.value)}
              error={errorFor("commissionBasisPoints")}
            />
          ) : (
            <Field
              label="Amount per paid invoice"
              inputMode="decimal"
              value={draft.fixedAmount}
              onChange={(event) => change("fixedAmount", event.currentTarget.value)}
              error={errorFor("fixedAmount")}
            />
          )}
          <Field
            label="Currency"
            hint="Of the fixed amount and the minimum payout, e.g. USD"
            value={draft.fixedCurrency}
            maxLength={3}
            onChange={(event) => change("fixedCurrency", event.currentTarget.value.toUpperCase())}
            error={errorFor("fixedCurrency")}
          />
          <div className="field checkbox">
            <input
              id={`${id}-recurring`}
              type="checkbox"
              checked={draft.recurring}
              onChange={(event) => change("recurring", event.currentTarget.checked)}
            />
            <label htmlFor={`${id}-recurring`}>Also pay on the referred client's later payments</label>
          </div>
          {draft.recurring && (
            <Field
              label="For how many months after their first payment"
              inputMode="numeric"
              value={draft.recurringMonths}
              onChange={(event) => change("recurringMonths", event.currentTarget.value)}
              error={errorFor("recurringMonths")}
            />
          )}
        </fieldset>
        <Field
          label="Attribution window (days)"
          hint="A referred client's first payment counts if it comes within this many days of signing up."
          inputMode="numeric"
          value={draft.attributionWindowDays}
          onChange={(event) => change("attributionWindowDays", event.currentTarget.value)}
          error={errorFor("attributionWindowDays")}
        />
        <Field
          label="Hold (days)"
          hint="How long a commission stays pending (time for refunds) before it can be paid out."
          inputMode="numeric"
          value={draft.holdDays}
          onChange={(event) => change("holdDays", event.currentTarget.value)}
          error={errorFor("holdDays")}
        />
        <Field
          label="Minimum payout"
          hint="An affiliate is paid once approved commissions reach this amount, in each currency."
          inputMode="decimal"
          value={draft.minimumPayout}
          onChange={(event) => change("minimumPayout", event.currentTarget.value)}
          error={errorFor("minimumPayout")}
        />
        <TextAreaField
          label="Allowed landing pages"
          hint="One web address per line (up to 20). Campaign links may open these pages or pages below them; the portal is always allowed."
          rows={4}
          value={draft.allowedLandingUrls}
          onChange={(event) => change("allowedLandingUrls", event.currentTarget.value)}
          error={errorFor("allowedLandingUrls")}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={loading}>
            {loading ? "Saving…" : "Save programme"}
          </button>
          <span role="status" className="hint">
            {saved}
          </span>
        </div>
      </form>
      {"input" in preview && (
        <ProgrammeTerms
          programme={{
            ...preview.input,
            commissionBasisPoints: preview.input.commissionBasisPoints ?? 0,
            fixedAmount: preview.input.fixedAmount ?? 0,
            recurringMonths: preview.input.recurringMonths || null,
          }}
          currency={preview.input.fixedCurrency}
          heading="What affiliates read"
        />
      )}
    </>
  );
}
