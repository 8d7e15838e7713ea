import { Navigate, type RouteObject } from "react-router";
import { PublicPortalLayout } from "../portal/PublicPortalLayout";
import { affiliateAdminRoutes } from "../sections/affiliates/admin/routes";
import { appointmentAdminRoutes } from "../sections/appointments/admin/routes";
import { communityAdminRoutes } from "../sections/communities/admin/routes";
import { courseAdminRoutes } from "../sections/courses/admin/routes";
import { documentAdminRoutes } from "../sections/documents/admin/routes";
import { invoiceAdminRoutes } from "../sections/invoices/admin/routes";
import { orderAdminRoutes } from "../sections/orders/admin/routes";
import { workflowAdminRoutes } from "../sections/workflows/admin/routes";
import { ConfirmSignInPage } from "../shared/ConfirmSignInPage";
import { lazyRoute } from "../shared/lazyRoute";
import { NotFound } from "../shared/NotFoundPage";
import { RequireViewer } from "../shared/viewer";

const contactFormPage = () => import("./contacts/ContactFormPage");

/**
 * The admin console for the business's staff, on the business's own host. Its frame, layout and
 * every page load on first visit: none of it is in the portal's first load.
 */
export const adminRoutes: RouteObject = {
  path: "/admin",
  ...lazyRoute(
    () => import("./AdminFrame"),
    (m) => <m.AdminFrame />,
    "Loading the admin console…",
  ),
  children: [
    {
      element: <PublicPortalLayout label="Admin console" />,
      children: [
        {
          path: "sign-in",
          ...lazyRoute(
            () => import("./AdminSignInPage"),
            (m) => <m.AdminSignInPage />,
          ),
        },
        { path: "auth/confirm", element: <ConfirmSignInPage /> },
      ],
    },
    {
      element: <RequireViewer kind="STAFF" signInPath="/admin/sign-in" />,
      children: [
        {
          ...lazyRoute(
            () => import("./AdminLayout"),
            (m) => <m.AdminLayout />,
            "Loading the admin console…",
          ),
          children: [
            { index: true, element: <Navigate to="/admin/contacts" replace /> },
            {
              path: "contacts",
              ...lazyRoute(
                () => import("./contacts/ContactsPage"),
                (m) => <m.ContactsPage />,
                "Loading contacts…",
              ),
            },
            { path: "contacts/new", ...lazyRoute(contactFormPage, (m) => <m.ContactFormPage />) },
            {
              path: "contacts/:contactId",
              ...lazyRoute(
                () => import("./contacts/ContactDetailPage"),
                (m) => <m.ContactDetailPage />,
              ),
            },
            { path: "contacts/:contactId/edit", ...lazyRoute(contactFormPage, (m) => <m.ContactFormPage />) },
            ...invoiceAdminRoutes,
            ...documentAdminRoutes,
            ...courseAdminRoutes,
            ...communityAdminRoutes,
            ...appointmentAdminRoutes,
            ...affiliateAdminRoutes,
            ...orderAdminRoutes,
            ...workflowAdminRoutes,
            {
              path: "settings",
              ...lazyRoute(
                () => import("./settings/SettingsPage"),
                (m) => <m.SettingsPage />,
              ),
            },
            {
              path: "templates",
              ...lazyRoute(
                () => import("./email/TemplatesPage"),
                (m) => <m.TemplatesPage />,
              ),
            },
            {
              path: "email-log",
              ...lazyRoute(
                () => import("./email/EmailLogPage"),
                (m) => <m.EmailLogPage />,
              ),
            },
            {
              path: "api-keys",
              ...lazyRoute(
                () => import("./api-keys/ApiKeysPage"),
                (m) => <m.ApiKeysPage />,
              ),
            },
            {
              path: "webhooks",
              ...lazyRoute(
                () => import("./webhooks/WebhooksPage"),
                (m) => <m.WebhooksPage />,
              ),
            },
            {
              path: "team",
              ...lazyRoute(
                () => import("./team/TeamPage"),
                (m) => <m.TeamPage />,
              ),
            },
            { path: "*", element: <NotFound homePath="/admin" homeLabel="Go to the admin console" /> },
          ],
        },
      ],
    },
  ],
};
