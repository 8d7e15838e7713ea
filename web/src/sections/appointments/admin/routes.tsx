import type { RouteObject } from "react-router";
import { lazyRoute } from "../../../shared/lazyRoute";

const typeForm = () => import("./TypeFormPage");

/** Appointments in the admin console, mounted by the console's shell under /admin. */
export const appointmentAdminRoutes: RouteObject[] = [
  {
    path: "appointments",
    ...lazyRoute(
      () => import("./AgendaPage"),
      (m) => <m.AgendaPage />,
      "Loading the agenda…",
    ),
  },
  {
    path: "appointments/book",
    ...lazyRoute(
      () => import("./StaffBookPage"),
      (m) => <m.StaffBookPage />,
    ),
  },
  {
    path: "appointments/types",
    ...lazyRoute(
      () => import("./TypesPage"),
      (m) => <m.TypesPage />,
      "Loading appointment types…",
    ),
  },
  { path: "appointments/types/new", ...lazyRoute(typeForm, (m) => <m.TypeFormPage />) },
  { path: "appointments/types/:typeId", ...lazyRoute(typeForm, (m) => <m.TypeFormPage />) },
  {
    path: "appointments/availability",
    ...lazyRoute(
      () => import("./AvailabilityPage"),
      (m) => <m.AvailabilityPage />,
      "Loading availability…",
    ),
  },
  {
    path: "appointments/:id",
    ...lazyRoute(
      () => import("./StaffAppointmentPage"),
      (m) => <m.StaffAppointmentPage />,
      "Loading the appointment…",
    ),
  },
];
