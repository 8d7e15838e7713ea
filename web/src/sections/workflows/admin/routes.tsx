import type { RouteObject } from "react-router";
import { lazyRoute } from "../../../shared/lazyRoute";

const builderPage = () => import("./WorkflowBuilderPage");

/** Workflows and their execution log in the admin console, mounted by the console's shell under /admin. */
export const workflowAdminRoutes: RouteObject[] = [
  {
    path: "workflows",
    ...lazyRoute(
      () => import("./WorkflowsPage"),
      (m) => <m.WorkflowsPage />,
      "Loading workflows…",
    ),
  },
  {
    path: "workflows/runs",
    ...lazyRoute(
      () => import("./RunsPage"),
      (m) => <m.RunsPage />,
      "Loading the execution log…",
    ),
  },
  { path: "workflows/new", ...lazyRoute(builderPage, (m) => <m.WorkflowBuilderPage />) },
  { path: "workflows/:workflowId", ...lazyRoute(builderPage, (m) => <m.WorkflowBuilderPage />, "Loading the workflow…") },
];
