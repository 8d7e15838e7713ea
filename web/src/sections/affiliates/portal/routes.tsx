import type { RouteObject } from "react-router";
import { lazyRoute } from "../../../shared/lazyRoute";

/** The client's affiliate page (links, figures, commissions), mounted by the portal shell inside its signed-in layout. */
export const affiliatePortalRoutes: RouteObject[] = [
  {
    path: "/affiliates",
    ...lazyRoute(
      () => import("./AffiliatesPage"),
      (m) => <m.AffiliatesPage />,
      "Loading your affiliate figures…",
    ),
  },
];
