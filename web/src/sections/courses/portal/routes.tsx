import type { RouteObject } from "react-router";
import { lazyRoute } from "../../../shared/lazyRoute";

const coursePlayerPage = () => import("./CoursePlayerPage");
const verifyPage = () => import("./VerifyCertificatePage");

/** The client's courses and the course player, mounted by the portal shell inside its signed-in layout. */
export const coursePortalRoutes: RouteObject[] = [
  {
    path: "/courses",
    ...lazyRoute(
      () => import("./CoursesPage"),
      (m) => <m.CoursesPage />,
      "Loading your courses…",
    ),
  },
  // The "course access granted" email links to the course, "new lesson available" to the lesson.
  { path: "/courses/:courseId", ...lazyRoute(coursePlayerPage, (m) => <m.CoursePlayerPage />, "Loading the course…") },
  { path: "/courses/:courseId/lessons/:lessonId", ...lazyRoute(coursePlayerPage, (m) => <m.CoursePlayerPage />, "Loading the lesson…") },
];

/** Anyone, signed in or not: whether a certificate code printed on a certificate is valid here. */
export const coursePublicRoutes: RouteObject[] = [
  { path: "/certificates/verify", ...lazyRoute(verifyPage, (m) => <m.VerifyCertificatePage />) },
  { path: "/certificates/verify/:code", ...lazyRoute(verifyPage, (m) => <m.VerifyCertificatePage />) },
];
