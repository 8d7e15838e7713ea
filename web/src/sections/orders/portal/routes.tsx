import type { RouteObject } from "react-router";
import { lazyRoute } from "../../../shared/lazyRoute";

/** The buyer's order receipts, mounted by the portal shell inside its signed-in layout. */
export const orderPortalRoutes: RouteObject[] = [
  {
    path: "/orders",
    ...lazyRoute(
      () => import("./OrdersPage"),
      (m) => <m.OrdersPage />,
      "Loading your orders…",
    ),
  },
  {
    path: "/orders/:orderId",
    ...lazyRoute(
      () => import("./OrderReceiptPage"),
      (m) => <m.OrderReceiptPage />,
      "Loading your order…",
    ),
  },
];
