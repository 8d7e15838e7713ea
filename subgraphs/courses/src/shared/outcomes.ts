import { NotFoundError, ValidationError } from "@portal/kit";
import { CourseStateError, LessonLockedError } from "../courses/course.errors.js";

type Failure = ValidationError | NotFoundError | CourseStateError | LessonLockedError;

const isFailure = (value: unknown): value is Failure =>
  value instanceof ValidationError ||
  value instanceof NotFoundError ||
  value instanceof CourseStateError ||
  value instanceof LessonLockedError;

/** A service's failure is returned as is (the union's error member); anything else is the success. */
export function asResult<T, S>(outcome: T, success: (value: Exclude<T, Failure>) => S | Promise<S>): S | Promise<S> | Extract<T, Failure> {
  if (isFailure(outcome)) return outcome as Extract<T, Failure>;
  return success(outcome as Exclude<T, Failure>);
}

export { isFailure };
