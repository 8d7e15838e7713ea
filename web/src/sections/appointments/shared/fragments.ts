import { graphql } from "../../../gql";

/** An appointment type as both sides show it. */
export const AppointmentTypeFragment = graphql(`
  fragment AppointmentTypeFields on AppointmentType {
    id
    name
    description
    durationMinutes
    location { kind value }
    hosts { staffId name }
    bufferBeforeMinutes
    bufferAfterMinutes
    minimumNoticeMinutes
    bookingWindowDays
    changeNoticeMinutes
    clientBookable
    reminderMinutesBefore
    archived
  }
`);

/** A booking as both sides show it in lists and on its page. */
export const AppointmentFragment = graphql(`
  fragment AppointmentFields on Appointment {
    id
    typeName
    startsAt
    endsAt
    status
    location { kind value }
    host { staffId name }
    clientTimeZone
    cancelledBy
    cancelReason
    changeDeadline
    canChange
    type { id name durationMinutes changeNoticeMinutes }
  }
`);

/** What a booking mutation answers: the booking, or why not. */
export const AppointmentResultFragment = graphql(`
  fragment AppointmentResultFields on AppointmentResult {
    __typename
    ... on AppointmentSuccess { appointment { ...AppointmentFields } }
    ... on UserError { message }
    ... on ValidationError { field }
  }
`);
