import { NavLink } from "react-router";
import "../shared/affiliates.css";

/** The affiliates area's pages in the console. */
export function AffiliateTabs() {
  return (
    <nav aria-label="Affiliates" className="aff-tabs">
      <NavLink to="/admin/affiliates" end>
        Affiliates
      </NavLink>
      <NavLink to="/admin/affiliates/commissions">Commissions</NavLink>
      <NavLink to="/admin/affiliates/payouts">Payouts</NavLink>
      <NavLink to="/admin/affiliates/settings">Programme</NavLink>
    </nav>
  );
}
