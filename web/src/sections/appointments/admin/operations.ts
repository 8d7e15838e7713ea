import { graphql } from "../../../gql";

export const AdminAppointmentTypesDocument = graphql(`
  query AdminAppointmentTypes($includeArchived: Boolean) {
    appointmentTypes(first: 100, includeArchived: $includeArchived) {
      totalCount
      edges { node { ...AppointmentTypeFields } }
    }
  }
`);

export const AdminAppointmentTypeDocument = graphql(`
  query AdminAppointmentType($id: ID!) {
    appointmentType(id: $id) { ...AppointmentTypeFields }
  }
`);

export const AppointmentTypeResultFragment = graphql(`
  fragment AppointmentTypeResultFields on AppointmentTypeResult {
    __typename
    ... on AppointmentTypeSuccess { appointmentType { ...AppointmentTypeFields } }
    ... on UserError { message }
    ... on ValidationError { field }
  }
`);
export const CreateAppointmentTypeDocument = graphql(`
  mutation CreateAppointmentType($input: AppointmentTypeInput!) {
    createAppointmentType(input: $input) { ...AppointmentTypeResultFields }
  }
`);

export const UpdateAppointmentTypeDocument = graphql(`
  mutation UpdateAppointmentType($id: ID!, $input: AppointmentTypeInput!) {
    updateAppointmentType(id: $id, input: $input) { ...AppointmentTypeResultFields }
  }
`);

export const ArchiveAppointmentTypeDocument = graphql(`
  mutation ArchiveAppointmentType($id: ID!) {
    archiveAppointmentType(id: $id) { ...AppointmentTypeResultFields }
  }
`);

export const RestoreAppointmentTypeDocument = graphql(`
  mutation RestoreAppointmentType($id: ID!) {
    restoreAppointmentType(id: $id) { ...AppointmentTypeResultFields }
  }
`);

/** The team, to choose hosts and whose availability to edit. */
export const AppointmentStaffDocument = graphql(`
  query AppointmentStaff {
    staffMembers(first: 100) {
      edges { node { id name email } }
    }
  }
`);

export const StaffAvailabilityFragment = graphql(`
  fragment StaffAvailabilityFields on StaffAvailability {
    staffId
    staffName
    timeZone
    weekly { weekday intervals { start end } }
    overrides { date intervals { start end } }
  }
`);
export const StaffAvailabilityDocument = graphql(`
  query StaffAvailability($staffId: ID!) {
    staffAvailability(staffId: $staffId) { ...StaffAvailabilityFields }
  }
`);

export const SetWeeklyAvailabilityDocument = graphql(`
  mutation SetWeeklyAvailability($staffId: ID!, $timeZone: String!, $weekly: [WeeklyHoursInput!]!) {
    setWeeklyAvailability(staffId: $staffId, timeZone: $timeZone, weekly: $weekly) {
      __typename
      ... on StaffAvailabilitySuccess { availability { ...StaffAvailabilityFields } }
      ... on UserError { message }
      ... on ValidationError { field }
    }
  }
`);

export const SetDateOverrideDocument = graphql(`
  mutation SetDateOverride($staffId: ID!, $date: String!, $intervals: [TimeIntervalInput!]!) {
    setDateOverride(staffId: $staffId, date: $date, intervals: $intervals) {
      __typename
      ... on StaffAvailabilitySuccess { availability { ...StaffAvailabilityFields } }
      ... on UserError { message }
      ... on ValidationError { field }
    }
  }
`);

export const RemoveDateOverrideDocument = graphql(`
  mutation RemoveDateOverride($staffId: ID!, $date: String!) {
    removeDateOverride(staffId: $staffId, date: $date) {
      __typename
      ... on StaffAvailabilitySuccess { availability { ...StaffAvailabilityFields } }
      ... on UserError { message }
    }
  }
`);

export const AgendaDocument = graphql(`
  query Agenda($from: DateTimeISO!, $to: DateTimeISO!, $hostStaffId: ID, $after: String) {
    agenda(from: $from, to: $to, hostStaffId: $hostStaffId, first: 100, after: $after) {
      totalCount
      edges { cursor node { ...AppointmentFields contact { id name email } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const AdminAppointmentDocument = graphql(`
  query AdminAppointment($id: ID!) {
    appointment(id: $id) {
      ...AppointmentFields
      contact { id name email }
      type { id bookingWindowDays hosts { staffId name } }
    }
  }
`);

export const StaffBookAppointmentDocument = graphql(`
  mutation StaffBookAppointment($input: BookAppointmentInput!) {
    bookAppointment(input: $input) { ...AppointmentResultFields }
  }
`);

export const StaffRescheduleAppointmentDocument = graphql(`
  mutation StaffRescheduleAppointment($id: ID!, $startsAt: DateTimeISO!) {
    rescheduleAppointment(id: $id, startsAt: $startsAt) { ...AppointmentResultFields }
  }
`);

export const StaffCancelAppointmentDocument = graphql(`
  mutation StaffCancelAppointment($id: ID!, $reason: String) {
    cancelAppointment(id: $id, reason: $reason) { ...AppointmentResultFields }
  }
`);

export const MarkAppointmentCompletedDocument = graphql(`
  mutation MarkAppointmentCompleted($id: ID!) {
    markAppointmentCompleted(id: $id) { ...AppointmentResultFields }
  }
`);

export const MarkAppointmentNoShowDocument = graphql(`
  mutation MarkAppointmentNoShow($id: ID!) {
    markAppointmentNoShow(id: $id) { ...AppointmentResultFields }
  }
`);

export const BookingContactOptionsDocument = graphql(`
  query BookingContactOptions($search: String) {
    contacts(first: 20, search: $search) {
      edges { node { id name email access { status } } }
    }
  }
`);
