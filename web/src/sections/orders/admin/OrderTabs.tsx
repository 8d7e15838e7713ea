import { NavLink } from "react-router";
import "../shared/orders.css";

/** Order forms in the console: what is for sale, and what was bought. */
export function OrderTabs() {
  return (
    <nav aria-label="Order forms" className="order-tabs">
      <NavLink to="/admin/offers" end>
        Offers
      </NavLink>
      <NavLink to="/admin/orders">Orders</NavLink>
    </nav>
  );
}
