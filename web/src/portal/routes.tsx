import type { RouteObject } from "react-router";
import { ConfirmSignInPage } from "../shared/ConfirmSignInPage";
import { LinkFrame } from "../shared/LinkFrame";
import { RequireViewer } from "../shared/viewer";
import { ConfirmEmailPage } from "./ConfirmEmailPage";
import { DashboardPage } from "./DashboardPage";
import { DocumentsPage } from "./documents/DocumentsPage";
import { ClientInvoicePage } from "./invoices/ClientInvoicePage";
import { InvoicesPage } from "./invoices/InvoicesPage";
import { PortalFrame } from "./PortalFrame";
import { PortalLayout } from "./PortalLayout";
import { PortalSignInPage } from "./PortalSignInPage";
import { ProfilePage } from "./ProfilePage";
import { PublicPortalLayout } from "./PublicPortalLayout";

/** The client portal, branded for the business that owns the host. */
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
          { path: "/auth/confirm-email", element: <ConfirmEmailPage /> },
          { path: "/profile/confirm-email", element: <ConfirmEmailPage /> },
        ],
      },
      {
        element: <RequireViewer kind="CONTACT" signInPath="/sign-in" />,
        children: [
          {
            element: <PortalLayout />,
            children: [
              { path: "/", element: <DashboardPage /> },
              { path: "/profile", element: <ProfilePage /> },
              { path: "/invoices", element: <InvoicesPage /> },
              { path: "/invoices/:invoiceId", element: <ClientInvoicePage /> },
              { path: "/documents", element: <DocumentsPage /> },
              // Loaded on first visit: the viewer and signing code stay out of the portal's first load.
              { path: "/documents/:documentId", lazy: () => import("./documents/ClientDocumentPage") },
            ],
          },
        ],
      },
    ],
  },
];
