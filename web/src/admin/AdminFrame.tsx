import { Outlet } from "react-router";
import { WithPortalBusiness } from "../shared/branding";
import { SkipLink } from "../shared/SkipLink";

/** Staff work on their business's own host, so the console wears its branding too. */
export function AdminFrame() {
  return (
    <WithPortalBusiness>
      <SkipLink />
      <Outlet />
    </WithPortalBusiness>
  );
}
