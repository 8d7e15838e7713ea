import type { RouteObject } from "react-router";
import { adminRoutes } from "./admin/routes";
import { operatorRoutes } from "./operator/routes";
import { portalRoutes } from "./portal/routes";
import { lazyRoute } from "./shared/lazyRoute";

/**
 * Each part of the site answers its own unknown addresses inside its own frame: the portal (every
 * address not under /admin, /operator or /dev), the admin console and the operator console.
 */
export const routes: RouteObject[] = [
  ...portalRoutes,
  adminRoutes,
  operatorRoutes,
  {
    path: "/dev/mailbox",
    ...lazyRoute(
      () => import("./dev/MailboxPage"),
      (m) => <m.MailboxPage />,
    ),
  },
];
