import { NotFoundError } from "@portal/kit";
import { createUnionType, Field, ID, ObjectType } from "type-graphql";
import type { Session } from "./session.entity.js";

@ObjectType("Session", { description: "A signed-in browser session." })
export class SessionView {
  @Field(() => ID, { description: "Session id." })
  id!: string;
  @Field(() => Date, { description: "When the person signed in." })
  createdAt!: Date;
  @Field(() => Date, { description: "Last request seen (updated at most once a minute)." })
  lastSeenAt!: Date;
  @Field(() => Date, { description: "When the session expires unless ended earlier." })
  expiresAt!: Date;
  @Field(() => String, { nullable: true, description: "IP address at sign-in." })
  ip!: string | null;
  @Field(() => String, { nullable: true, description: "Browser user agent at sign-in." })
  userAgent!: string | null;
  @Field(() => Boolean, { description: "True for the session making this request." })
  current!: boolean;
}

export function toSessionView(session: Session, currentSessionId?: string): SessionView {
  const { id, createdAt, lastSeenAt, expiresAt, ip, userAgent } = session;
  return Object.assign(new SessionView(), {
    id,
    createdAt,
    lastSeenAt,
    expiresAt,
    ip,
    userAgent,
    current: session.id === currentSessionId,
  });
}

@ObjectType({ description: "The session was ended." })
export class EndSessionSuccess {
  @Field(() => SessionView, { description: "The ended session." })
  session!: SessionView;
}

export const EndSessionResult = createUnionType({
  name: "EndSessionResult",
  description: "Outcome of ending a session.",
  types: () => [EndSessionSuccess, NotFoundError] as const,
});
