import { useQuery } from "@apollo/client/react";
import { Outlet } from "react-router";
import { ApplyBranding, BrandMark, PortalBrandingDocument } from "./branding";
import { QueryState } from "./QueryState";
import { SkipLink } from "./SkipLink";

/**
 * Emailed links land here for every audience: clients and staff on a business's host (branded),
 * platform operators possibly on a host with no business (plain).
 */
export function LinkFrame() {
  const { data, loading, error, refetch } = useQuery(PortalBrandingDocument);
  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
      {({ portal }) => (
        <>
          <SkipLink />
          {portal.business && <ApplyBranding branding={portal.business.branding} />}
          <header className="topbar">
            {portal.business ? <BrandMark branding={portal.business.branding} /> : <span className="brand-name">Client portal</span>}
          </header>
          <main id="main" className="page">
            <Outlet />
          </main>
        </>
      )}
    </QueryState>
  );
}
