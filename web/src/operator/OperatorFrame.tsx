import { Link, NavLink, Outlet, useLocation } from "react-router";
import { SignOutButton } from "../shared/SignOutButton";
import { SkipLink } from "../shared/SkipLink";

/** Platform pages use the platform's own neutral look, not any business's branding. */
export function OperatorFrame() {
  const { pathname } = useLocation();
  const signedInArea = !pathname.endsWith("/sign-in") && !pathname.endsWith("/auth/confirm");
  return (
    <div className="platform">
      <SkipLink />
      <header className="topbar">
        <Link to="/operator" className="brand-mark">
          <span className="brand-name">Portal platform</span>
        </Link>
        {signedInArea && (
          <nav aria-label="Account" className="topnav">
            <NavLink to="/operator" end>
              Businesses
            </NavLink>
            <NavLink to="/operator/dead-letters">Dead letters</NavLink>
            <SignOutButton signInPath="/operator/sign-in" />
          </nav>
        )}
      </header>
      <main id="main" className="page">
        <Outlet />
      </main>
    </div>
  );
}
