import { useMutation } from "@apollo/client/react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import type { OfferFieldsFragment } from "../../../gql/graphql";
import { ErrorMessage } from "../../../shared/ErrorMessage";
import { Field, TextAreaField } from "../../../shared/Field";
import { messageFor, type Problem, problemOf } from "../../../shared/results";
import { offerPath } from "../shared/links";
import { PublicLink } from "../shared/PublicLink";
import { GrantList } from "./GrantPicker";
import { useGrantOptions } from "./grantOptions";
import { draftFromOffer, newOfferDraft, offerDraftToValue, type OfferDraft, toggleId, withName } from "./offerDraft";
import { ArchiveOfferDocument, CreateOfferDocument, RestoreOfferDocument, UpdateOfferDocument } from "./operations";

const FIELDS = ["name", "description", "price", "currency", "slug", "grants", "courseIds", "groupIds"];

/** A new offer or one being edited: what it is, its price, its page's address and what it grants. */
export function OfferForm({ existing }: { existing?: OfferFieldsFragment }) {
  const navigate = useNavigate();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<OfferDraft>(() => (existing ? draftFromOffer(existing) : newOfferDraft()));
  const [problem, setProblem] = useState<Problem | null>(null);
  // A new offer's page opens on its own address once created: it says so there.
  const justCreated = (useLocation().state as { created?: boolean } | null)?.created === true;
  const [status, setStatus] = useState(justCreated ? "Offer created: its page is selling." : "");
  const { courses, groups, loading: optionsLoading, failed } = useGrantOptions();
  const refetchQueries = ["Offers", "OfferNames"];
  const [create, creation] = useMutation(CreateOfferDocument, { refetchQueries });
  const [update, updating] = useMutation(UpdateOfferDocument, { refetchQueries });
  const [archive, archiving] = useMutation(ArchiveOfferDocument, { refetchQueries });
  const [restore, restoring] = useMutation(RestoreOfferDocument, { refetchQueries });
  useEffect(() => {
    if (problem?.field) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [problem]);
  const set = (patch: Partial<OfferDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus("");
    const converted = offerDraftToValue(draft);
    if ("problem" in converted) {
      setProblem(converted.problem);
      return;
    }
    const input = converted.value;
    const result = existing
      ? (await update({ variables: { id: existing.id, input } })).data?.updateOffer
      : (await create({ variables: { input } })).data?.createOffer;
    if (!result) return;
    setProblem(problemOf(result));
    if (result.__typename !== "OfferSuccess") return;
    setStatus(existing ? "Offer saved." : "Offer created: its page is selling.");
    if (!existing) await navigate(`/admin/offers/${result.offer.id}`, { replace: true, state: { created: true } });
  };

  const changeSelling = async () => {
    if (!existing) return;
    const selling = existing.status === "ACTIVE";
    const result = selling
      ? (await archive({ variables: { id: existing.id } })).data?.archiveOffer
      : (await restore({ variables: { id: existing.id } })).data?.restoreOffer;
    if (result?.__typename === "OfferSuccess") setStatus(selling ? "Archived: its page no longer sells." : "Selling again.");
    else setProblem(problemOf(result));
  };

  const grantsError = messageFor(problem, "grants") ?? messageFor(problem, "courseIds") ?? messageFor(problem, "groupIds");
  const general = problem && !(problem.field && FIELDS.includes(problem.field)) ? problem.message : undefined;
  const error = creation.error ?? updating.error ?? archiving.error ?? restoring.error;
  return (
    <>
      <h1>{existing ? existing.name : "New offer"}</h1>
      {existing && (
        <section className="card" aria-labelledby="offer-page-title">
          <h2 id="offer-page-title">Order page</h2>
          {existing.status === "ACTIVE" ? (
            <>
              <p className="hint">Share this link: anyone can buy here, no sign-in needed.</p>
              <PublicLink publicUrl={existing.publicUrl} slug={existing.slug} name={existing.name} />
            </>
          ) : (
            <p>Archived: {offerPath(existing.slug)} no longer sells. Orders already placed keep what they bought.</p>
          )}
          <button
            type="button"
            className="button button-secondary"
            disabled={archiving.loading || restoring.loading}
            onClick={() => void changeSelling()}
          >
            {existing.status === "ACTIVE" ? "Stop selling (archive)" : "Sell again"}
          </button>
        </section>
      )}
      <form ref={form} className="card" onSubmit={submit} noValidate aria-label="Offer">
        <Field
          label="Name"
          value={draft.name}
          onChange={(event) => setDraft(withName(draft, event.target.value))}
          error={messageFor(problem, "name")}
        />
        <TextAreaField
          label="Description"
          hint="Shown on the order page. Markdown: **bold**, lists, links."
          rows={5}
          value={draft.description}
          onChange={(event) => set({ description: event.target.value })}
          error={messageFor(problem, "description")}
        />
        <div className="form-grid">
          <Field
            label="Price"
            inputMode="decimal"
            placeholder="49.00"
            value={draft.price}
            onChange={(event) => set({ price: event.target.value })}
            error={messageFor(problem, "price")}
          />
          <Field
            label="Currency"
            maxLength={3}
            autoCapitalize="characters"
            hint="ISO code, e.g. USD, EUR"
            value={draft.currency}
            onChange={(event) => set({ currency: event.target.value.toUpperCase() })}
            error={messageFor(problem, "currency")}
          />
        </div>
        <Field
          label="Page address"
          hint={`The order page is ${offerPath(draft.slug || "…")}: lowercase letters, digits and hyphens.`}
          value={draft.slug}
          onChange={(event) => set({ slug: event.target.value.toLowerCase(), slugEdited: true })}
          error={messageFor(problem, "slug")}
        />
        <div className="offer-grants">
          <GrantList
            legend="Courses it grants"
            empty={optionsLoading ? "Loading courses…" : "No courses yet."}
            options={courses}
            chosen={draft.courseIds}
            onToggle={(id, on) => set({ courseIds: toggleId(draft.courseIds, id, on) })}
          />
          <GrantList
            legend="Community groups it grants"
            empty={optionsLoading ? "Loading groups…" : "No community groups yet."}
            options={groups}
            chosen={draft.groupIds}
            onToggle={(id, on) => set({ groupIds: toggleId(draft.groupIds, id, on) })}
          />
        </div>
        {grantsError && (
          <p id="offer-grants-error" className="field-error" role="alert">
            {grantsError}
          </p>
        )}
        {failed && <p className="alert alert-info">Courses or community groups could not be loaded: their lists may be incomplete.</p>}
        <p className="visually-hidden" role="alert">
          {problem?.field && problem.field !== "grants" ? "Not saved: check the highlighted field." : ""}
        </p>
        {general && <p className="alert alert-error">{general}</p>}
        {error && <ErrorMessage error={error} />}
        <p role="status" className="hint">
          {status}
        </p>
        <button type="submit" className="button" disabled={creation.loading || updating.loading}>
          {creation.loading || updating.loading ? "Saving…" : existing ? "Save offer" : "Create offer"}
        </button>
      </form>
    </>
  );
}
