import { graphql } from "../../../gql";

/** The caller's own calendar feed: a client's or a team member's (shared by the portal and the console). */
export const MyCalendarFeedDocument = graphql(`
  query MyCalendarFeed {
    myCalendarFeed { url }
  }
`);

export const ResetCalendarFeedDocument = graphql(`
  mutation ResetCalendarFeed {
    resetCalendarFeed {
      __typename
      ... on CalendarFeedSuccess { feed { url } }
      ... on UserError { message }
    }
  }
`);
