import type { RouteObject } from "react-router";
import { lazyRoute } from "../../../shared/lazyRoute";

/** The client's invoices, mounted by the portal shell inside its signed-in layout. */
export const invoicePortalRoutes: RouteObject[] = [
  {
    path: "/invoices",
    ...lazyRoute(
      () => import("./InvoicesPage"),
      (m) => <m.InvoicesPage />,
      "Loading your invoices…",
    ),
  },
  // Stripe's code comes with the payment panel, only once a client pays by card.
  {
    path: "/invoices/:invoiceId",
    ...lazyRoute(
      () => import("./ClientInvoicePage"),
      (m) => <m.ClientInvoicePage />,
      "Loading the invoice…",
    ),
  },
];
