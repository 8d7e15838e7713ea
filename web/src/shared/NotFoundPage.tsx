import { Link } from "react-router";

interface NotFoundProps {
  /** Where "home" is for this part of the site: the dashboard, the admin console or the operator console. */
  homePath: string;
  homeLabel?: string;
}

/** "Page not found" with a way home, inside whichever frame the address belongs to. */
export function NotFound({ homePath, homeLabel = "Go to the start page" }: NotFoundProps) {
  return (
    <section className="card not-found" aria-labelledby="not-found-title" data-testid="not-found">
      <h1 id="not-found-title">Page not found</h1>
      <p>There is nothing at this address. It may have moved, or the link may be incomplete.</p>
      <Link className="button" to={homePath}>
        {homeLabel}
      </Link>
    </section>
  );
}
