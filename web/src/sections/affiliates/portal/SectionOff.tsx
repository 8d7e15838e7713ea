import { Link } from "react-router";

/** What the affiliates page shows when the business has switched the section off. */
export function AffiliatesOff() {
  return (
    <>
      <h1>Affiliates</h1>
      <p className="empty-state">
        The affiliate programme is not available in this portal. <Link to="/">Back to home</Link>
      </p>
    </>
  );
}
