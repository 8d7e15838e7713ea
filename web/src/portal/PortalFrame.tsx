import { Outlet } from "react-router";
import { WithPortalBusiness } from "../shared/branding";
import { SkipLink } from "../shared/SkipLink";

/** Every client-facing page: the business of this host, its branding applied. */
export function PortalFrame() {
  return (
    <WithPortalBusiness>
      <SkipLink />
      <Outlet />
    </WithPortalBusiness>
  );
}
