import type { RouteObject } from "react-router";
import { lazyRoute } from "../../../shared/lazyRoute";

const groupFormPage = () => import("./GroupFormPage");

/** Communities in the admin console, mounted by the console's shell under /admin. */
export const communityAdminRoutes: RouteObject[] = [
  {
    path: "communities",
    ...lazyRoute(
      () => import("./GroupsPage"),
      (m) => <m.GroupsPage />,
      "Loading groups…",
    ),
  },
  { path: "communities/new", ...lazyRoute(groupFormPage, (m) => <m.GroupFormPage />) },
  {
    path: "communities/reports",
    ...lazyRoute(
      () => import("./ReportsPage"),
      (m) => <m.ReportsPage />,
      "Loading reports…",
    ),
  },
  {
    path: "communities/:groupId",
    ...lazyRoute(
      () => import("./AdminGroupPage"),
      (m) => <m.AdminGroupPage />,
      "Loading the group…",
    ),
  },
  { path: "communities/:groupId/edit", ...lazyRoute(groupFormPage, (m) => <m.GroupFormPage />) },
];
