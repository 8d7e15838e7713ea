import { NotFoundError, ValidationError } from "@portal/kit";
import { AffiliateStateError, BelowMinimumPayoutError, NotAnAffiliateError } from "./affiliate.errors.js";

type Failure = ValidationError | NotFoundError | AffiliateStateError | BelowMinimumPayoutError | NotAnAffiliateError;

export const isFailure = (value: unknown): value is Failure =>
  value instanceof ValidationError ||
  value instanceof NotFoundError ||
  value instanceof AffiliateStateError ||
  value instanceof BelowMinimumPayoutError ||
  value instanceof NotAnAffiliateError;

/** A service's failure is returned as is (the union's error member); anything else is the success. */
export function asResult<T, S>(outcome: T, success: (value: Exclude<T, Failure>) => S | Promise<S>): S | Promise<S> | Extract<T, Failure> {
  if (isFailure(outcome)) return outcome as Extract<T, Failure>;
  return success(outcome as Exclude<T, Failure>);
}
