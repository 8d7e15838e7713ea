import { randomUUID } from "node:crypto";
import type { MikroORM } from "@mikro-orm/postgresql";
import type PgBoss from "pg-boss";
import type { z } from "zod";
import type { EntityManager } from "./db.js";
import type { DeadLetter } from "./dead-letters.js";
import { consumeEvents, type DomainEvent, type EventRetryPolicy, PermanentEventFailure, recordEvent } from "./outbox.js";

/**
 * What the kit needs of an event contract (`@portal/contracts` declares them all): the topic name
 * and the payload schema. Declared structurally so the kit stays free of any domain.
 */
export interface ContractOf<Payload extends z.ZodTypeAny = z.ZodTypeAny> {
  readonly name: string;
  readonly producer: string;
  readonly version: number;
  readonly payload: Payload;
}

/** Raised in the producer's transaction when a payload does not match its contract: nothing is written. */
export class ContractViolation extends Error {
  constructor(
    readonly eventType: string,
    readonly issues: string,
  ) {
    super(`${eventType} payload does not match its contract: ${issues}`);
  }
}

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "(payload)"}: ${issue.message}`).join("; ");
}

/**
 * Records `contract`'s event in the change's unit of work (the transactional outbox), after checking
 * the payload against the contract. What is written is the parsed payload, so a field the contract
 * does not declare never leaves the producer.
 */
export function publish<C extends ContractOf>(
  em: EntityManager,
  contract: C,
  businessId: string | null,
  payload: z.input<C["payload"]>,
): void {
  const parsed = contract.payload.safeParse(payload);
  if (!parsed.success) throw new ContractViolation(contract.name, describeIssues(parsed.error));
  recordEvent(em, contract.name, businessId, parsed.data as Record<string, unknown>);
}

/** Where a consumer keeps its processed-event markers: its subgraph's schema, under its own name. */
export interface ConsumerOf {
  /** The consuming subgraph's PostgreSQL schema. */
  schema: string;
  /** Unique per consumer on the platform, e.g. `billing` or `billing.identity-projection`. */
  name: string;
  /** Overrides the runtime's retry policy for this consumer. */
  retry?: EventRetryPolicy;
}

export interface EventDeps {
  boss: PgBoss;
  orm: MikroORM;
  /** `eventRetry`: how often consumers retry a failing event (default `DEFAULT_EVENT_RETRY`, about 17 minutes). */
  runtime?: { eventRetry?: EventRetryPolicy };
}

export interface ConsumeHooks<Payload> {
  /**
   * Runs once the event became a dead letter (its own transaction, scoped to the event's business):
   * `event` is null when the payload did not match the contract. Its failure is logged, never retried.
   */
  onDeadLetter?: (event: DomainEvent<Payload> | null, letter: DeadLetter, em: EntityManager) => Promise<void>;
}

/**
 * Subscribes `consumer` to `contract`'s event. The payload is parsed against the contract before the
 * handler runs, so a handler only ever sees a payload of the declared shape; one that does not parse
 * becomes a dead letter at once, without the handler. Each event is handled once per consumer, in
 * one transaction with the consumer's writes; a handler that keeps failing ends as a dead letter
 * after the retries (see `consumeEvents`).
 */
export async function consume<C extends ContractOf>(
  deps: EventDeps,
  consumer: ConsumerOf,
  contract: C,
  handler: (event: DomainEvent<z.output<C["payload"]>>, em: EntityManager) => Promise<void>,
  hooks: ConsumeHooks<z.output<C["payload"]>> = {},
): Promise<void> {
  const parse = (event: DomainEvent<unknown>) => contract.payload.safeParse(event.payload);
  const onDeadLetter = hooks.onDeadLetter;
  await consumeEvents<unknown>(
    deps.boss,
    deps.orm,
    consumer.schema,
    consumer.name,
    contract.name,
    async (event, em) => {
      const parsed = parse(event);
      if (!parsed.success) throw new PermanentEventFailure(new ContractViolation(contract.name, describeIssues(parsed.error)).message);
      await handler({ ...event, payload: parsed.data }, em);
    },
    {
      retry: consumer.retry ?? deps.runtime?.eventRetry,
      onDeadLetter:
        onDeadLetter &&
        ((letter, em) => {
          const event: DomainEvent<unknown> = {
            eventId: letter.eventId,
            type: letter.eventType,
            businessId: letter.businessId,
            occurredAt: letter.occurredAt.toISOString(),
            payload: letter.payload,
          };
          const parsed = parse(event);
          return onDeadLetter(parsed.success ? { ...event, payload: parsed.data } : null, letter, em);
        }),
    },
  );
}

/**
 * Hands `contract`'s event straight to pg-boss, as the outbox relay does once the producer's change
 * is committed, after checking the payload against the contract. For tests of consumers (their
 * events then have the contract's shape, never a hand-written one) and tools.
 */
export async function deliverEvent<C extends ContractOf>(
  boss: PgBoss,
  contract: C,
  businessId: string | null,
  payload: z.input<C["payload"]>,
  options: { eventId?: string; occurredAt?: Date } = {},
): Promise<DomainEvent<z.output<C["payload"]>>> {
  const parsed = contract.payload.safeParse(payload);
  if (!parsed.success) throw new ContractViolation(contract.name, describeIssues(parsed.error));
  const event: DomainEvent<z.output<C["payload"]>> = {
    eventId: options.eventId ?? randomUUID(),
    type: contract.name,
    businessId,
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    payload: parsed.data,
  };
  await boss.publish(contract.name, event as unknown as object);
  return event;
}
