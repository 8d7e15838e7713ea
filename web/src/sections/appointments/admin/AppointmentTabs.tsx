import { NavLink } from "react-router";
import "../shared/appointments.css";

/** The appointments area's pages in the console. */
export function AppointmentTabs() {
  return (
    <nav aria-label="Appointments" className="appt-tabs">
      <NavLink to="/admin/appointments" end>
        Agenda
      </NavLink>
      <NavLink to="/admin/appointments/book">Book</NavLink>
      <NavLink to="/admin/appointments/types">Types</NavLink>
      <NavLink to="/admin/appointments/availability">Availability</NavLink>
    </nav>
  );
}
