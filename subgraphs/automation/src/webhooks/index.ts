export { WEBHOOK_ENTITIES } from "./webhook.entity.js";
export { startWebhooks, WEBHOOKS_CONSUMER } from "./webhook-consumers.js";
export { webhookResolver } from "./webhook.resolver.js";
export type { WebhookSettings } from "./webhook-settings.js";
export { WEBHOOK_EVENTS } from "./webhook-events.js";
