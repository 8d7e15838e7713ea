import type { ReactNode } from "react";
import type { RouteObject } from "react-router";
import { Loading } from "./QueryState";

/**
 * A route whose code is loaded on its first visit, so the portal's first load carries only the
 * sign-in page, the dashboard and the frames around them. Opened directly, the code is still on its
 * way when the app first renders: the route says so instead of React Router's HydrateFallback warning.
 * (Moving between pages, the current page stays until the next one has loaded.)
 */
export function lazyRoute<Module>(
  load: () => Promise<Module>,
  render: (module: Module) => ReactNode,
  loadingLabel = "Loading…",
): Pick<RouteObject, "lazy" | "hydrateFallbackElement"> {
  return {
    lazy: async () => ({ element: render(await load()) }),
    hydrateFallbackElement: <Loading label={loadingLabel} />,
  };
}
