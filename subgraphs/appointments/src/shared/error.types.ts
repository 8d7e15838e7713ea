import { errorType } from "@portal/kit";
import { AppointmentStateError, SlotTakenError, TooLateToChangeError } from "./appointment.errors.js";

errorType(SlotTakenError, {
  description: "The time was taken by another booking first (or is no longer free): choose another.",
});
errorType(TooLateToChangeError, {
  description: "The client may no longer cancel or reschedule online; the message says until when they could and whom to contact.",
  fields: {
    deadline: [() => Date, "The last moment the client could cancel or reschedule online."],
    contactName: [() => String, "Whom to contact instead (the host)."],
    contactEmail: [() => String, "Their email address (empty when unknown)."],
  },
});
errorType(AppointmentStateError, {
  description: "The appointment does not allow this now (already cancelled, not started yet…).",
});
export { AppointmentStateError, SlotTakenError, TooLateToChangeError };
