import type { RouteObject } from "react-router";
import { lazyRoute } from "../../../shared/lazyRoute";

const invoicesPage = () => import("./InvoicesPage");
const invoiceFormPage = () => import("./InvoiceFormPage");
const invoiceDetailPage = () => import("./InvoiceDetailPage");

/** Invoices in the admin console, mounted by the console's shell under /admin. */
export const invoiceAdminRoutes: RouteObject[] = [
  { path: "invoices", ...lazyRoute(invoicesPage, (m) => <m.InvoicesPage />, "Loading invoices…") },
  { path: "invoices/new", ...lazyRoute(invoiceFormPage, (m) => <m.InvoiceFormPage />) },
  { path: "invoices/:invoiceId", ...lazyRoute(invoiceDetailPage, (m) => <m.InvoiceDetailPage />, "Loading the invoice…") },
  { path: "invoices/:invoiceId/edit", ...lazyRoute(invoiceFormPage, (m) => <m.InvoiceFormPage />, "Loading the invoice…") },
];
