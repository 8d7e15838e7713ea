import { NotFoundError, ValidationError } from "@portal/kit";
import { AppointmentStateError, SlotTakenError, TooLateToChangeError } from "./appointment.errors.js";

type Failure = ValidationError | NotFoundError | SlotTakenError | TooLateToChangeError | AppointmentStateError;

export const isFailure = (value: unknown): value is Failure =>
  value instanceof ValidationError ||
  value instanceof NotFoundError ||
  value instanceof SlotTakenError ||
  value instanceof TooLateToChangeError ||
  value instanceof AppointmentStateError;

/** A service's failure is returned as is (the union's error member); anything else is the success. */
export function asResult<T, S>(outcome: T, success: (value: Exclude<T, Failure>) => S | Promise<S>): S | Promise<S> | Extract<T, Failure> {
  if (isFailure(outcome)) return outcome as Extract<T, Failure>;
  return success(outcome as Exclude<T, Failure>);
}
