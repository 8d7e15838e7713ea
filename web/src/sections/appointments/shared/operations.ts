import { graphql } from "../../../gql";

/** Free slots of a type in [from, to): what the booking and reschedule pickers offer. */
export const AppointmentSlotsDocument = graphql(`
  query AppointmentSlots($typeId: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $hostStaffId: ID) {
    appointmentSlots(typeId: $typeId, from: $from, to: $to, hostStaffId: $hostStaffId) { startsAt endsAt }
  }
`);
