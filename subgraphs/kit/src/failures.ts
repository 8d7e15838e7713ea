/**
 * Expected failures a service returns as values (not throws), free of GraphQL: the `x.errors.ts` of
 * every feature extends `UserError`. The GraphQL layer (`errors.ts` here, `x.types.ts` in a feature)
 * declares each class as an object type implementing the `UserError` interface, so result unions
 * can return the service's value as it is and clients can always select `... on UserError { message }`.
 */
export abstract class UserError {
  message!: string;
}

/** One input field was invalid; `field` is its path, e.g. `email` or `lines.2.quantity`. */
export class ValidationError extends UserError {
  field!: string;

  static of(field: string, message: string): ValidationError {
    return Object.assign(new ValidationError(), { field, message });
  }
}

/** The referenced object does not exist or is not visible to the caller (the two are not told apart). */
export class NotFoundError extends UserError {
  static of(message = "Not found"): NotFoundError {
    return Object.assign(new NotFoundError(), { message });
  }
}

/** Too many attempts; `retryAfterSeconds` until another is accepted. */
export class RateLimitedError extends UserError {
  retryAfterSeconds!: number;

  static of(retryAfterSeconds: number, message = "Too many attempts. Please try again later."): RateLimitedError {
    return Object.assign(new RateLimitedError(), { retryAfterSeconds, message });
  }
}
