import { useId } from "react";
import { type ProgrammeTermsLike, programmeTerms } from "./labels";

/** The programme's terms in plain sentences: what is earned, for how long, when it is paid. */
export function ProgrammeTerms({
  programme,
  currency,
  heading = "How it works",
}: {
  programme: ProgrammeTermsLike;
  currency?: string;
  heading?: string;
}) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId} data-testid="programme-terms">
      <h2 id={headingId}>{heading}</h2>
      <ul className="aff-terms">
        {programmeTerms(programme, currency).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
