import { Link } from "react-router";

/** What an appointments page shows when the business has switched the section off. */
export function AppointmentsOff() {
  return (
    <>
      <h1>Appointments</h1>
      <p className="empty-state">
        Appointments are not available in this portal. <Link to="/">Back to home</Link>
      </p>
    </>
  );
}
