import type { RouteObject } from "react-router";
import { lazyRoute } from "../../../shared/lazyRoute";

/** The client's documents, mounted by the portal shell inside its signed-in layout. */
export const documentPortalRoutes: RouteObject[] = [
  {
    path: "/documents",
    ...lazyRoute(
      () => import("./DocumentsPage"),
      (m) => <m.DocumentsPage />,
      "Loading your documents…",
    ),
  },
  // The PDF viewer and signing code (pdf.js, signature_pad) come with this page only.
  {
    path: "/documents/:documentId",
    ...lazyRoute(
      () => import("./ClientDocumentPage"),
      (m) => <m.ClientDocumentPage />,
      "Loading the document…",
    ),
  },
];
