import { Outlet } from "react-router";
import { BrandMark, usePortalBusiness } from "../shared/branding";

/** Pages a client sees before signing in: the brand on top, one card below. */
export function PublicPortalLayout({ label }: { label?: string }) {
  const business = usePortalBusiness();
  return (
    <>
      <header className="topbar">
        <BrandMark branding={business.branding} />
        {label && <span className="topbar-label">{label}</span>}
      </header>
      <main id="main" className="page narrow">
        <Outlet />
      </main>
    </>
  );
}
