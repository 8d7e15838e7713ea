import type { RouteObject } from "react-router";
import { lazyRoute } from "../../../shared/lazyRoute";

const offerFormPage = () => import("./OfferFormPage");

/** Order forms in the admin console (offers and their orders), mounted by the console's shell under /admin. */
export const orderAdminRoutes: RouteObject[] = [
  {
    path: "offers",
    ...lazyRoute(
      () => import("./OffersPage"),
      (m) => <m.OffersPage />,
      "Loading offers…",
    ),
  },
  { path: "offers/new", ...lazyRoute(offerFormPage, (m) => <m.OfferFormPage />) },
  { path: "offers/:offerId", ...lazyRoute(offerFormPage, (m) => <m.OfferFormPage />, "Loading the offer…") },
  {
    path: "orders",
    ...lazyRoute(
      () => import("./OrdersPage"),
      (m) => <m.OrdersPage />,
      "Loading orders…",
    ),
  },
];
