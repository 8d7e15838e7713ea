import type { z } from "zod";

/** The subgraph that writes an event to its outbox; only it may publish the event. */
export type Producer = "identity" | "billing" | "documents" | "automation" | "communities" | "courses" | "appointments" | "affiliates";

/**
 * One event on the platform. `name` is the pg-boss topic and the outbox row's `type`; `version` goes
 * up with a change consumers must adapt to (a new, optional field is not one); `payload` is what the
 * producer validates before writing and what every consumer parses before its handler runs.
 */
export interface EventContract<Name extends string = string, Payload extends z.ZodTypeAny = z.ZodTypeAny> {
  readonly name: Name;
  readonly producer: Producer;
  readonly version: number;
  readonly description: string;
  readonly payload: Payload;
}

export function defineEvent<const Name extends string, Payload extends z.ZodTypeAny>(
  contract: EventContract<Name, Payload>,
): EventContract<Name, Payload> {
  return Object.freeze(contract);
}

/** The payload a consumer's handler receives (after parsing). */
export type PayloadOf<C extends EventContract> = z.output<C["payload"]>;
/** The payload a producer hands over (before parsing: defaults may be left out). */
export type PayloadInputOf<C extends EventContract> = z.input<C["payload"]>;
