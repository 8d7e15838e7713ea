import type { RouteObject } from "react-router";
import { lazyRoute } from "../../../shared/lazyRoute";

/** Anyone, without signing in, on the business's portal host: an offer's order page and its result page. */
export const orderPublicRoutes: RouteObject[] = [
  {
    path: "/buy/:slug",
    ...lazyRoute(
      () => import("./OrderPage"),
      (m) => <m.OrderPage />,
      "Loading the offer…",
    ),
  },
  {
    path: "/buy/:slug/done",
    ...lazyRoute(
      () => import("./OrderDonePage"),
      (m) => <m.OrderDonePage />,
    ),
  },
];
