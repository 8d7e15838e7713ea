import type { RouteObject } from "react-router";
import { affiliatePortalRoutes } from "../sections/affiliates/portal/routes";
import { appointmentPortalRoutes } from "../sections/appointments/portal/routes";
import { communityPortalRoutes } from "../sections/communities/portal/routes";
import { coursePortalRoutes, coursePublicRoutes } from "../sections/courses/portal/routes";
import { documentPortalRoutes } from "../sections/documents/portal/routes";
import { invoicePortalRoutes } from "../sections/invoices/portal/routes";
import { orderPortalRoutes } from "../sections/orders/portal/routes";
import { orderPublicRoutes } from "../sections/orders/public/routes";
import { ConfirmSignInPage } from "../shared/ConfirmSignInPage";
import { LinkFrame } from "../shared/LinkFrame";
import { lazyRoute } from "../shared/lazyRoute";
import { RequireViewer } from "../shared/viewer";
import { DashboardPage } from "./DashboardPage";
import { PortalFrame } from "./PortalFrame";
import { PortalLayout } from "./PortalLayout";
import { PortalNotFoundPage } from "./PortalNotFoundPage";
import { PortalSignInPage } from "./PortalSignInPage";
import { PublicPortalLayout } from "./PublicPortalLayout";

const confirmEmailPage = () => import("./ConfirmEmailPage");

/**
 * The client portal, branded for the business that owns the host. The sign-in page and the
 * dashboard come with the first load; the profile and every section's pages load on first visit.
 */
export const portalRoutes: RouteObject[] = [
  // Every audience's sign-in link opens /auth/confirm; operators may have no business on this host.
  { element: <LinkFrame />, children: [{ path: "/auth/confirm", element: <ConfirmSignInPage /> }] },
  {
    element: <PortalFrame />,
    children: [
      {
        element: <PublicPortalLayout />,
        children: [
          { path: "/sign-in", element: <PortalSignInPage /> },
          // The email-change link works without being signed in on this device.
          { path: "/auth/confirm-email", ...lazyRoute(confirmEmailPage, (m) => <m.ConfirmEmailPage />) },
          { path: "/profile/confirm-email", ...lazyRoute(confirmEmailPage, (m) => <m.ConfirmEmailPage />) },
          // A certificate's code is checked by anyone, without signing in.
          ...coursePublicRoutes,
          // An offer's order page and its result page: buyers are not signed in (and may not be clients yet).
          ...orderPublicRoutes,
        ],
      },
      {
        element: <RequireViewer kind="CONTACT" signInPath="/sign-in" />,
        children: [
          {
            element: <PortalLayout />,
            children: [
              { path: "/", element: <DashboardPage /> },
              {
                path: "/profile",
                ...lazyRoute(
                  () => import("./ProfilePage"),
                  (m) => <m.ProfilePage />,
                  "Loading your profile…",
                ),
              },
              ...invoicePortalRoutes,
              ...documentPortalRoutes,
              ...coursePortalRoutes,
              ...communityPortalRoutes,
              ...appointmentPortalRoutes,
              ...affiliatePortalRoutes,
              ...orderPortalRoutes,
            ],
          },
        ],
      },
      // Every other address on the business's host (not /admin, /operator or /dev): branded, with a way home.
      { path: "*", element: <PortalNotFoundPage /> },
    ],
  },
];
