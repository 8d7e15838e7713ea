import type { RouteObject } from "react-router";
import { lazyRoute } from "../../../shared/lazyRoute";

/** Affiliates in the admin console, mounted by the console's shell under /admin. */
export const affiliateAdminRoutes: RouteObject[] = [
  {
    path: "affiliates",
    ...lazyRoute(
      () => import("./AffiliatesPage"),
      (m) => <m.AffiliatesPage />,
      "Loading affiliates…",
    ),
  },
  {
    path: "affiliates/commissions",
    ...lazyRoute(
      () => import("./CommissionsPage"),
      (m) => <m.CommissionsPage />,
      "Loading commissions…",
    ),
  },
  {
    path: "affiliates/payouts",
    ...lazyRoute(
      () => import("./PayoutsPage"),
      (m) => <m.PayoutsPage />,
      "Loading payouts…",
    ),
  },
  {
    path: "affiliates/settings",
    ...lazyRoute(
      () => import("./ProgrammePage"),
      (m) => <m.ProgrammePage />,
      "Loading the programme…",
    ),
  },
  {
    path: "affiliates/:id",
    ...lazyRoute(
      () => import("./AffiliatePage"),
      (m) => <m.AffiliatePage />,
      "Loading the affiliate…",
    ),
  },
];
