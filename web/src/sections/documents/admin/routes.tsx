import type { RouteObject } from "react-router";
import { lazyRoute } from "../../../shared/lazyRoute";

/** Documents in the admin console, mounted by the console's shell under /admin. */
export const documentAdminRoutes: RouteObject[] = [
  {
    path: "documents",
    ...lazyRoute(
      () => import("./DocumentsPage"),
      (m) => <m.DocumentsPage />,
      "Loading documents…",
    ),
  },
  {
    path: "documents/new",
    ...lazyRoute(
      () => import("./NewDocumentPage"),
      (m) => <m.NewDocumentPage />,
    ),
  },
  // The draft editor and the counter-signing page bring pdf.js (and signature_pad) with them.
  {
    path: "documents/:documentId",
    ...lazyRoute(
      () => import("./DocumentPage"),
      (m) => <m.DocumentPage />,
      "Loading the document…",
    ),
  },
  {
    path: "documents/:documentId/sign",
    ...lazyRoute(
      () => import("./CounterSignPage"),
      (m) => <m.CounterSignPage />,
      "Loading the document…",
    ),
  },
];
