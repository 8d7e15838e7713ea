import type { RouteObject } from "react-router";
import { lazyRoute } from "../../../shared/lazyRoute";

/** The client's community groups, mounted by the portal shell inside its signed-in layout. */
export const communityPortalRoutes: RouteObject[] = [
  {
    path: "/communities",
    ...lazyRoute(
      () => import("./CommunitiesPage"),
      (m) => <m.CommunitiesPage />,
      "Loading your groups…",
    ),
  },
  {
    path: "/communities/:groupId",
    ...lazyRoute(
      () => import("./GroupPage"),
      (m) => <m.GroupPage />,
      "Loading the group…",
    ),
  },
  // Notification emails link to one post.
  {
    path: "/communities/:groupId/posts/:postId",
    ...lazyRoute(
      () => import("./GroupPage"),
      (m) => <m.GroupPage />,
      "Loading the post…",
    ),
  },
];
