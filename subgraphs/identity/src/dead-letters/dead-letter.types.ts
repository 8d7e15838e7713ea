import { ConnectionArgs, ConnectionType, DeadLetterStateError, errorType, NotFoundError } from "@portal/kit";
import { ArgsType, createUnionType, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import type { DeadLetterWithBusiness } from "./dead-letter.service.js";

export enum DeadLetterStatus {
  OPEN = "OPEN",
  RETRYING = "RETRYING",
  RESOLVED = "RESOLVED",
  DISCARDED = "DISCARDED",
}
registerEnumType(DeadLetterStatus, {
  name: "DeadLetterStatus",
  description: "Where a dead letter is: waiting for an operator, sent back to its consumer, handled after a retry, or discarded.",
  valuesConfig: {
    OPEN: { description: "Its consumer gave up on it; an operator may retry or discard it." },
    RETRYING: { description: "Sent back to its consumer's queue; it becomes RESOLVED once handled, OPEN again if it fails for good." },
    RESOLVED: { description: "Its consumer handled it after a retry." },
    DISCARDED: { description: "An operator decided it needs no handling." },
  },
});

@ObjectType("DeadLetter", {
  description: "An event a subgraph's consumer could not handle: after all its retries, or at once when its payload broke its contract.",
})
export class DeadLetterView {
  @Field(() => ID, { description: "Dead letter id." })
  id!: string;
  @Field(() => String, { description: "The consumer that gave up, e.g. `automation` or `identity`." })
  consumer!: string;
  @Field(() => String, { description: "The event's type, e.g. `billing.invoice.sent` (declared in @portal/contracts)." })
  eventType!: string;
  @Field(() => ID, { description: "The event's id (its producer's outbox row)." })
  eventId!: string;
  @Field(() => ID, {
    nullable: true,
    description: "The business the event belongs to; null for platform events (operators' sign-in links).",
  })
  businessId!: string | null;
  @Field(() => String, { nullable: true, description: "That business's name, when it still exists." })
  businessName!: string | null;
  @Field(() => Date, { description: "When the producer recorded the event." })
  occurredAt!: Date;
  @Field(() => String, { description: "The event's payload as JSON, as the consumer received it." })
  payload!: string;
  @Field(() => String, { description: "The last error: the handler's message, or the contract's complaints about the payload." })
  error!: string;
  @Field(() => Int, { description: "How many times the consumer tried, over every delivery." })
  attempts!: number;
  @Field(() => DeadLetterStatus, { description: "Where it is now." })
  status!: DeadLetterStatus;
  @Field(() => Date, { description: "When the consumer first gave up on it." })
  firstFailedAt!: Date;
  @Field(() => Date, { description: "When the consumer last gave up on it." })
  lastFailedAt!: Date;
  @Field(() => Date, { nullable: true, description: "When an operator last retried it." })
  retriedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "When its consumer handled it after a retry." })
  resolvedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "When an operator discarded it." })
  discardedAt!: Date | null;
}

export function toDeadLetterView(letter: DeadLetterWithBusiness): DeadLetterView {
  return Object.assign(new DeadLetterView(), {
    id: letter.id,
    consumer: letter.consumer,
    eventType: letter.eventType,
    eventId: letter.eventId,
    businessId: letter.businessId,
    businessName: letter.businessName,
    occurredAt: letter.occurredAt,
    payload: JSON.stringify(letter.payload),
    error: letter.error,
    attempts: letter.attempts,
    status: letter.status.toUpperCase() as DeadLetterStatus,
    firstFailedAt: letter.firstFailedAt,
    lastFailedAt: letter.lastFailedAt,
    retriedAt: letter.retriedAt,
    resolvedAt: letter.resolvedAt,
    discardedAt: letter.discardedAt,
  });
}

export const DeadLetterConnection = ConnectionType(DeadLetterView, "DeadLetter");

@ArgsType()
export class DeadLetterListArgs extends ConnectionArgs {
  @Field(() => DeadLetterStatus, { nullable: true, description: "Only letters in this state; all when omitted." })
  status?: DeadLetterStatus | null;
}

@ObjectType({ description: "The dead letter after the change." })
export class DeadLetterSuccess {
  @Field(() => DeadLetterView, { description: "The dead letter." })
  deadLetter!: DeadLetterView;
}

errorType(DeadLetterStateError, { description: "The dead letter is no longer open: it was retried, resolved or discarded already." });
export { DeadLetterStateError, NotFoundError };

export const DeadLetterResult = createUnionType({
  name: "DeadLetterResult",
  description: "Outcome of retrying or discarding a dead letter.",
  types: () => [DeadLetterSuccess, NotFoundError, DeadLetterStateError] as const,
});
