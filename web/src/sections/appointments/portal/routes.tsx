import type { RouteObject } from "react-router";
import { lazyRoute } from "../../../shared/lazyRoute";

/** The client's appointments, booking and rescheduling, mounted by the portal shell inside its signed-in layout. */
export const appointmentPortalRoutes: RouteObject[] = [
  {
    path: "/appointments",
    ...lazyRoute(
      () => import("./AppointmentsPage"),
      (m) => <m.AppointmentsPage />,
      "Loading your appointments…",
    ),
  },
  {
    path: "/appointments/book",
    ...lazyRoute(
      () => import("./BookAppointmentPage"),
      (m) => <m.BookAppointmentPage />,
    ),
  },
  // The confirmation and reminder emails link to the appointment.
  {
    path: "/appointments/:id",
    ...lazyRoute(
      () => import("./AppointmentPage"),
      (m) => <m.AppointmentPage />,
      "Loading the appointment…",
    ),
  },
  {
    path: "/appointments/:id/reschedule",
    ...lazyRoute(
      () => import("./ReschedulePage"),
      (m) => <m.ReschedulePage />,
    ),
  },
];
