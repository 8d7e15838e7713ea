import { Navigate, type RouteObject } from "react-router";
import { ConfirmSignInPage } from "../shared/ConfirmSignInPage";
import { PublicPortalLayout } from "../portal/PublicPortalLayout";
import { RequireViewer } from "../shared/viewer";
import { AdminFrame } from "./AdminFrame";
import { AdminLayout } from "./AdminLayout";
import { AdminSignInPage } from "./AdminSignInPage";
import { ApiKeysPage } from "./api-keys/ApiKeysPage";
import { ContactDetailPage } from "./contacts/ContactDetailPage";
import { ContactFormPage } from "./contacts/ContactFormPage";
import { ContactsPage } from "./contacts/ContactsPage";
import { CounterSignPage } from "./documents/CounterSignPage";
import { DocumentPage } from "./documents/DocumentPage";
import { DocumentsPage } from "./documents/DocumentsPage";
import { NewDocumentPage } from "./documents/NewDocumentPage";
import { InvoiceDetailPage } from "./invoices/InvoiceDetailPage";
import { InvoiceFormPage } from "./invoices/InvoiceFormPage";
import { InvoicesPage } from "./invoices/InvoicesPage";
import { EmailLogPage } from "./email/EmailLogPage";
import { TemplatesPage } from "./email/TemplatesPage";
import { SettingsPage } from "./settings/SettingsPage";
import { TeamPage } from "./team/TeamPage";

/** The admin console for the business's staff, on the business's own host. */
export const adminRoutes: RouteObject = {
  path: "/admin",
  element: <AdminFrame />,
  children: [
    {
      element: <PublicPortalLayout label="Admin console" />,
      children: [
        { path: "sign-in", element: <AdminSignInPage /> },
        { path: "auth/confirm", element: <ConfirmSignInPage /> },
      ],
    },
    {
      element: <RequireViewer kind="STAFF" signInPath="/admin/sign-in" />,
      children: [
        {
          element: <AdminLayout />,
          children: [
            { index: true, element: <Navigate to="/admin/contacts" replace /> },
            { path: "contacts", element: <ContactsPage /> },
            { path: "contacts/new", element: <ContactFormPage /> },
            { path: "contacts/:contactId", element: <ContactDetailPage /> },
            { path: "contacts/:contactId/edit", element: <ContactFormPage /> },
            { path: "invoices", element: <InvoicesPage /> },
            { path: "invoices/new", element: <InvoiceFormPage /> },
            { path: "invoices/:invoiceId", element: <InvoiceDetailPage /> },
            { path: "invoices/:invoiceId/edit", element: <InvoiceFormPage /> },
            { path: "documents", element: <DocumentsPage /> },
            { path: "documents/new", element: <NewDocumentPage /> },
            { path: "documents/:documentId", element: <DocumentPage /> },
            { path: "documents/:documentId/sign", element: <CounterSignPage /> },
            { path: "settings", element: <SettingsPage /> },
            { path: "templates", element: <TemplatesPage /> },
            { path: "email-log", element: <EmailLogPage /> },
            { path: "api-keys", element: <ApiKeysPage /> },
            { path: "team", element: <TeamPage /> },
          ],
        },
      ],
    },
  ],
};
