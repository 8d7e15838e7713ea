export { GraphQLTransport, type PortalClientOptions, type VariablesOf } from "./client.js";
export {
  expectSuccess,
  type GraphQLErrorEntry,
  PortalError,
  PortalGraphQLError,
  PortalTransportError,
  PortalUserError,
  type UserErrorResult,
} from "./errors.js";
export * from "./generated/graphql.js";
export { type Connection, paginate } from "./paginate.js";
export { PortalClient } from "./portal-client.js";
