import "reflect-metadata"; // type-graphql decorators below need it, whichever kit module is imported first
import { GraphQLError } from "graphql";
import { Directive, Field, InterfaceType, ObjectType } from "type-graphql";
import { NotFoundError, RateLimitedError, UserError, ValidationError } from "./failures.js";

type FailureClass = abstract new () => UserError;
type FieldType = Parameters<typeof Field>[0];

export interface ErrorTypeOptions {
  description: string;
  /** The class's own fields beyond `message`: name → [GraphQL type, description]. */
  fields?: Record<string, [type: FieldType, description: string]>;
  /** Error types every subgraph returns are `@shareable` for federation. */
  shareable?: boolean;
}

/**
 * Declares a service's failure class (from an `x.errors.ts`, plain TypeScript) as a GraphQL object
 * type implementing `UserError`: the decorators a class would carry, applied from the GraphQL layer
 * so the service side never imports GraphQL. Call it once, in the feature's `x.types.ts`.
 */
export function errorType<C extends FailureClass>(failure: C, options: ErrorTypeOptions): C {
  for (const [name, [type, description]] of Object.entries(options.fields ?? {})) {
    Field(type as never, { description })(failure.prototype, name);
  }
  if (options.shareable) Directive("@shareable")(failure);
  ObjectType({ implements: UserError, description: options.description })(failure);
  return failure;
}

InterfaceType({ description: "An expected failure the user can act on." })(UserError);
Field(() => String, { description: "Human-readable explanation, safe to show to the user." })(UserError.prototype, "message");

errorType(ValidationError, {
  description: "One input field was invalid.",
  fields: { field: [() => String, "Path of the invalid input field, e.g. `email`."] },
  shareable: true,
});
errorType(NotFoundError, { description: "The referenced object does not exist or is not visible to you.", shareable: true });
errorType(RateLimitedError, {
  description: "Too many attempts; try again later.",
  fields: { retryAfterSeconds: [() => Number, "Seconds until another attempt is accepted."] },
  shareable: true,
});

export { NotFoundError, RateLimitedError, UserError, ValidationError };

/** Unexpected or authorization failures are thrown, with a stable `extensions.code`. */
export function unauthenticated(message = "Sign in required"): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED" } });
}

export function forbidden(message = "You are not allowed to do this"): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });
}

export function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_REQUEST" } });
}
