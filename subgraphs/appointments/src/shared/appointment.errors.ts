import { UserError } from "@portal/kit";

/** Someone else booked the time (or the host's time around it) first. */
export class SlotTakenError extends UserError {
  static of(message = "That time was just taken. Please choose another."): SlotTakenError {
    return Object.assign(new SlotTakenError(), { message });
  }
}

/** A client may no longer cancel or reschedule online: the notice period has begun. */
export class TooLateToChangeError extends UserError {
  /** The last moment the client could change it. */
  deadline!: Date;
  /** Whom to ask instead: the host's name and email. */
  contactName!: string;
  contactEmail!: string;

  static of(deadline: Date, deadlineText: string, contactName: string, contactEmail: string, businessName: string): TooLateToChangeError {
    const reach = contactEmail ? `${contactName} at ${contactEmail}` : businessName;
    const message = `This appointment can no longer be changed online: changes were possible until ${deadlineText}. Please contact ${reach} to change or cancel it.`;
    return Object.assign(new TooLateToChangeError(), { deadline, contactName, contactEmail, message });
  }
}

/** The appointment is not in a state that allows this (already cancelled, not started yet…). */
export class AppointmentStateError extends UserError {
  static of(message: string): AppointmentStateError {
    return Object.assign(new AppointmentStateError(), { message });
  }
}
