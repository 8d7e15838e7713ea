import "reflect-metadata"; // type-graphql decorators below need it, whichever kit module is imported first
import { GraphQLError } from "graphql";
import { Directive, Field, InterfaceType, ObjectType } from "type-graphql";

/**
 * Expected failures are data: every error member of a mutation's result union implements UserError,
 * so clients can always select `... on UserError { message }`.
 */
/** Error types below are shared by every subgraph, hence `@shareable` for federation. */
@InterfaceType({ description: "An expected failure the user can act on." })
export abstract class UserError {
  @Field(() => String, { description: "Human-readable explanation, safe to show to the user." })
  message!: string;
}

@ObjectType({ implements: UserError, description: "One input field was invalid." })
@Directive("@shareable")
export class ValidationError extends UserError {
  @Field(() => String, { description: "Path of the invalid input field, e.g. `email`." })
  field!: string;

  static of(field: string, message: string): ValidationError {
    return Object.assign(new ValidationError(), { field, message });
  }
}

@ObjectType({ implements: UserError, description: "The referenced object does not exist or is not visible to you." })
@Directive("@shareable")
export class NotFoundError extends UserError {
  static of(message = "Not found"): NotFoundError {
    return Object.assign(new NotFoundError(), { message });
  }
}

@ObjectType({ implements: UserError, description: "Too many attempts; try again later." })
@Directive("@shareable")
export class RateLimitedError extends UserError {
  @Field(() => Number, { description: "Seconds until another attempt is accepted." })
  retryAfterSeconds!: number;

  static of(retryAfterSeconds: number, message = "Too many attempts. Please try again later."): RateLimitedError {
    return Object.assign(new RateLimitedError(), { retryAfterSeconds, message });
  }
}

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
