import { graphql } from "../../../gql";

export const PortalAppointmentsDocument = graphql(`
  query PortalAppointments($when: AppointmentWhen!, $first: Int, $after: String) {
    myAppointments(when: $when, first: $first, after: $after) {
      totalCount
      edges { cursor node { ...AppointmentFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const PortalAppointmentDocument = graphql(`
  query PortalAppointment($id: ID!) {
    appointment(id: $id) {
      ...AppointmentFields
      ics
    }
  }
`);

/** The types a client may book themselves. */
export const PortalAppointmentTypesDocument = graphql(`
  query PortalAppointmentTypes {
    appointmentTypes(first: 100) {
      edges { node { ...AppointmentTypeFields } }
    }
  }
`);

export const PortalAppointmentTypeDocument = graphql(`
  query PortalAppointmentType($id: ID!) {
    appointmentType(id: $id) { ...AppointmentTypeFields }
  }
`);

export const BookAppointmentDocument = graphql(`
  mutation BookAppointment($input: BookAppointmentInput!) {
    bookAppointment(input: $input) { ...AppointmentResultFields }
  }
`);

export const RescheduleAppointmentDocument = graphql(`
  mutation RescheduleAppointment($id: ID!, $startsAt: DateTimeISO!) {
    rescheduleAppointment(id: $id, startsAt: $startsAt) { ...AppointmentResultFields }
  }
`);

export const CancelAppointmentDocument = graphql(`
  mutation CancelAppointment($id: ID!, $reason: String) {
    cancelAppointment(id: $id, reason: $reason) { ...AppointmentResultFields }
  }
`);
