import { UserError } from "@portal/kit";

/** Another contact (or team member) of this business already uses this email; `field` names the input. */
export class EmailTakenError extends UserError {
  field!: string;
  static of(field = "email", message = "Another contact already uses this email address"): EmailTakenError {
    return Object.assign(new EmailTakenError(), { field, message });
  }
}
