import type { ConsumerOf } from "@portal/kit";

/**
 * Automation's consumer of other subgraphs' events: one name for all of them (its pg-boss queues are
 * `automation__<event>`), its processed-event markers in automation's schema.
 */
export const AUTOMATION_CONSUMER: ConsumerOf = { schema: "automation", name: "automation" };
