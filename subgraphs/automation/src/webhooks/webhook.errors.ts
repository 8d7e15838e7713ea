import { UserError } from "@portal/kit";

/** The delivery cannot be sent again now: it is still being retried, or its endpoint is disabled. */
export class WebhookDeliveryStateError extends UserError {
  static of(message: string): WebhookDeliveryStateError {
    return Object.assign(new WebhookDeliveryStateError(), { message });
  }
}
