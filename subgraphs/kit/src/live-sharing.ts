import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult } from "graphql";
import { LIVE_AUDIENCE } from "./live.js";
import type { SubgraphContext } from "./server.js";

type Answer = ExecutionResult | Promise<ExecutionResult>;

/**
 * graphql-ws's `subscribe`, executing a change once per audience instead of once per subscriber.
 *
 * Every subscriber in a process hears the same message object from the LiveBus. A subscription
 * whose iterator names an audience (`LiveBus.subscribe(accept, { audience })`) shares its answer
 * with every other subscription of the same business, audience, operation and variables: the first
 * one to get the message executes it, the others reuse that result, which graphql-ws then writes
 * to each socket. Authorization is unchanged: each subscriber was authorized by its own
 * subscribe resolver, and only hears messages its own `accept` let through.
 */
export function sharedSubscribe() {
  const answers = new WeakMap<object, Map<string, Answer>>();
  /** `documentKey`: the operation's text when the caller has it, which spares printing the document. */
  return async (args: ExecutionArgs, documentKey?: string): Promise<AsyncIterable<ExecutionResult> | ExecutionResult> => {
    const stream = await createSourceEventStream(args);
    if (!isAsyncIterable(stream)) return stream;
    const run = (event: unknown) => execute({ ...args, rootValue: event });
    const audience = (stream as { [LIVE_AUDIENCE]?: string })[LIVE_AUDIENCE];
    if (audience === undefined) return mapEvents(stream, run);
    const caller = (args.contextValue as SubgraphContext).caller;
    const key = `${JSON.stringify([caller.businessId, audience, args.operationName ?? null, args.variableValues ?? null])}\n${documentKey ?? print(args.document)}`;
    return mapEvents(stream, (event) => {
      if (typeof event !== "object" || event === null) return run(event);
      let shared = answers.get(event);
      if (!shared) {
        shared = new Map();
        answers.set(event, shared);
      }
      let answer = shared.get(key);
      if (!answer) {
        answer = run(event);
        shared.set(key, answer);
      }
      return answer;
    });
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

/** The source stream's events mapped to answers; stopping the answers stops the source. */
function mapEvents(stream: AsyncIterable<unknown>, map: (event: unknown) => Answer): AsyncIterableIterator<ExecutionResult> {
  const source = stream[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      const step = await source.next();
      return step.done ? { done: true, value: undefined } : { done: false, value: await map(step.value) };
    },
    async return() {
      await source.return?.();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      await source.return?.();
      throw error;
    },
  };
}
