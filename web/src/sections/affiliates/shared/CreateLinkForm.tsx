import { useMutation } from "@apollo/client/react";
import { type FormEvent, useId, useState } from "react";
import { Field } from "../../../shared/Field";
import { generalMessage, messageFor, type Problem, problemOf } from "../../../shared/results";
import { landingChoices, slugProblem } from "./landingUrls";
import { CreateReferralLinkDocument } from "./operations";

/**
 * A campaign link: a slug of the affiliate's choosing and a landing page from the programme's
 * allowed list. Staff pass the affiliate's id; an affiliate makes their own without it.
 */
export function CreateLinkForm({
  affiliateId,
  allowedLandingUrls,
  onCreated,
}: {
  affiliateId?: string;
  allowedLandingUrls: string[];
  onCreated: (url: string) => void;
}) {
  const id = useId();
  const choices = landingChoices(allowedLandingUrls, window.location.origin);
  const [slug, setSlug] = useState("");
  const [landingUrl, setLandingUrl] = useState(choices[0] ?? "");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [create, { loading }] = useMutation(CreateReferralLinkDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = slugProblem(slug.trim());
    if (local) {
      setProblem({ message: local, field: "slug", kind: "ValidationError" });
      return;
    }
    const result = (await create({ variables: { input: { affiliateId, slug: slug.trim(), landingUrl } } })).data?.createReferralLink;
    if (result?.__typename === "ReferralLinkSuccess") {
      setProblem(null);
      setSlug("");
      onCreated(result.link.url);
    } else setProblem(problemOf(result) ?? { message: "Could not create the link. Please try again.", kind: "Error" });
  };
  const general = generalMessage(problem, ["slug", "landingUrl"]);
  return (
    <form onSubmit={submit} aria-labelledby={`${id}-heading`} noValidate>
      <h3 id={`${id}-heading`}>New campaign link</h3>
      {general && (
        <p className="alert alert-error" role="alert">
          {general}
        </p>
      )}
      <div className="aff-inline-form">
        <Field
          label="Name in the link"
          hint="3 to 40 lowercase letters, digits and hyphens, e.g. spring-newsletter"
          value={slug}
          onChange={(event) => setSlug(event.currentTarget.value.toLowerCase())}
          error={messageFor(problem, "slug")}
          autoComplete="off"
          required
          maxLength={40}
        />
        <div className="field">
          <label htmlFor={`${id}-landing`}>Opens</label>
          <select
            id={`${id}-landing`}
            value={landingUrl}
            onChange={(event) => setLandingUrl(event.currentTarget.value)}
            aria-invalid={messageFor(problem, "landingUrl") ? true : undefined}
            aria-describedby={messageFor(problem, "landingUrl") ? `${id}-landing-error` : undefined}
          >
            {choices.map((url) => (
              <option key={url} value={url}>
                {url}
              </option>
            ))}
          </select>
          {messageFor(problem, "landingUrl") && (
            <p id={`${id}-landing-error`} className="field-error">
              {messageFor(problem, "landingUrl")}
            </p>
          )}
        </div>
        <button type="submit" className="button" disabled={loading}>
          {loading ? "Creating…" : "Create link"}
        </button>
      </div>
    </form>
  );
}
