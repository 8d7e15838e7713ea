import type { RouteObject } from "react-router";
import { lazyRoute } from "../../../shared/lazyRoute";

/** Courses in the admin console, mounted by the console's shell under /admin. */
export const courseAdminRoutes: RouteObject[] = [
  {
    path: "courses",
    ...lazyRoute(
      () => import("./CoursesPage"),
      (m) => <m.CoursesPage />,
      "Loading courses…",
    ),
  },
  {
    path: "courses/new",
    ...lazyRoute(
      () => import("./NewCoursePage"),
      (m) => <m.NewCoursePage />,
    ),
  },
  {
    path: "courses/:courseId",
    ...lazyRoute(
      () => import("./CourseBuilderPage"),
      (m) => <m.CourseBuilderPage />,
      "Loading the course…",
    ),
  },
  {
    path: "courses/:courseId/lessons/:lessonId",
    ...lazyRoute(
      () => import("./LessonEditorPage"),
      (m) => <m.LessonEditorPage />,
      "Loading the lesson…",
    ),
  },
  {
    path: "courses/:courseId/students",
    ...lazyRoute(
      () => import("./StudentsPage"),
      (m) => <m.StudentsPage />,
      "Loading students…",
    ),
  },
  {
    path: "courses/:courseId/students/:enrolmentId",
    ...lazyRoute(
      () => import("./StudentPage"),
      (m) => <m.StudentPage />,
      "Loading the student…",
    ),
  },
  {
    path: "courses/:courseId/figures",
    ...lazyRoute(
      () => import("./FiguresPage"),
      (m) => <m.FiguresPage />,
      "Loading figures…",
    ),
  },
];
