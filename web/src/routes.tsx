import type { RouteObject } from "react-router";
import { adminRoutes } from "./admin/routes";
import { MailboxPage } from "./dev/MailboxPage";
import { operatorRoutes } from "./operator/routes";
import { portalRoutes } from "./portal/routes";
import { NotFoundPage } from "./shared/NotFoundPage";

export const routes: RouteObject[] = [
  ...portalRoutes,
  adminRoutes,
  operatorRoutes,
  { path: "/dev/mailbox", element: <MailboxPage /> },
  { path: "*", element: <NotFoundPage /> },
];
