import { NotFoundError, ValidationError } from "@portal/kit";
import { CommunityStateError } from "../groups/group.errors.js";

type Failure = ValidationError | NotFoundError | CommunityStateError;

/** A service's failure is returned as is (the union's error member); anything else is the success. */
export function asResult<T, S>(outcome: T, success: (value: Exclude<T, Failure>) => S): S | Extract<T, Failure> {
  if (outcome instanceof ValidationError || outcome instanceof NotFoundError || outcome instanceof CommunityStateError)
    return outcome as Extract<T, Failure>;
  return success(outcome as Exclude<T, Failure>);
}
