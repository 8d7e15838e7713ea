import type { ReactNode } from "react";
import { Outlet } from "react-router";
import { BrandMark, usePortalBusiness } from "../shared/branding";

/** Pages a client sees before signing in (the route's, or `children`): the brand on top, one card below. */
export function PublicPortalLayout({ label, children }: { label?: string; children?: ReactNode }) {
  const business = usePortalBusiness();
  return (
    <>
      <header className="topbar">
        <BrandMark branding={business.branding} />
        {label && <span className="topbar-label">{label}</span>}
      </header>
      <main id="main" className="page narrow">
        {children ?? <Outlet />}
      </main>
    </>
  );
}
