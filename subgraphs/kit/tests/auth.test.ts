import { describe, expect, it } from "vitest";
import { isStaffReader, requireActor, requireBusiness, requireOperator, requireSignedIn, requireStaff } from "../src/auth.js";
import type { Actor, Caller } from "../src/caller.js";

const BUSINESS = "b-1";
const caller = (actor: Actor, businessId: string | null = BUSINESS): Caller => ({
  businessId,
  actor,
  ip: "127.0.0.1",
  userAgent: "test",
  issuedAt: 0,
});
const anonymous: Actor = { kind: "anonymous", id: null };
const contact: Actor = { kind: "contact", id: "c-1" };
const staff: Actor = { kind: "staff", id: "s-1", role: "staff" };
const operator: Actor = { kind: "operator", id: "o-1" };
const system: Actor = { kind: "system", id: null };
const apiKey = (...scopes: string[]): Actor => ({ kind: "apiKey", id: "k-1", scopes });

/** What a GraphQL client receives: the error's message and its `extensions.code`. */
function failure(guard: () => unknown): { code: unknown; message: string } {
  try {
    guard();
  } catch (error) {
    const { message, extensions } = error as { message: string; extensions?: { code?: unknown } };
    return { code: extensions?.code, message };
  }
  throw new Error("the guard let the caller through");
}

describe("requireBusiness", () => {
  it("returns the business the request is for", () => {
    expect(requireBusiness(caller(staff))).toBe(BUSINESS);
  });

  it("refuses a request on the platform host, where no business is selected", () => {
    expect(failure(() => requireBusiness(caller(staff, null)))).toEqual({
      code: "FORBIDDEN",
      message: "No business selected for this request",
    });
  });
});

describe("requireActor", () => {
  it("returns the actor when it is one of the kinds allowed", () => {
    expect(requireActor(caller(contact), "contact", "staff")).toBe(contact);
    expect(requireActor(caller(staff), "contact", "staff")).toBe(staff);
  });

  it("asks an anonymous caller to sign in, whatever kinds are allowed", () => {
    expect(failure(() => requireActor(caller(anonymous), "contact")).code).toBe("UNAUTHENTICATED");
  });

  it("treats an actor without an id as not signed in, even of an allowed kind", () => {
    expect(failure(() => requireActor(caller(system), "system")).code).toBe("UNAUTHENTICATED");
  });

  it("forbids a signed-in actor of another kind", () => {
    expect(failure(() => requireActor(caller(contact), "staff"))).toEqual({ code: "FORBIDDEN", message: "You are not allowed to do this" });
    expect(failure(() => requireActor(caller(staff))).code).toBe("FORBIDDEN"); // no kind allowed at all
  });
});

describe("requireStaff", () => {
  it("lets staff of the business read and write", () => {
    expect(requireStaff(caller(staff))).toEqual({ businessId: BUSINESS, actor: staff });
    expect(requireStaff(caller(staff), "write")).toEqual({ businessId: BUSINESS, actor: staff });
  });

  it("lets an API key through only with the scope asked for, read by default", () => {
    const readOnly = apiKey("read");
    expect(requireStaff(caller(readOnly))).toEqual({ businessId: BUSINESS, actor: readOnly });
    expect(failure(() => requireStaff(caller(readOnly), "write"))).toEqual({
      code: "FORBIDDEN",
      message: 'This API key lacks the "write" scope',
    });
    // Write does not imply read: each scope is granted on its own.
    expect(failure(() => requireStaff(caller(apiKey("write"))))).toEqual({
      code: "FORBIDDEN",
      message: 'This API key lacks the "read" scope',
    });
    expect(failure(() => requireStaff(caller({ kind: "apiKey", id: "k-2" }))).code).toBe("FORBIDDEN"); // no scopes at all
  });

  it("asks an anonymous caller to sign in, and forbids contacts and operators", () => {
    expect(failure(() => requireStaff(caller(anonymous))).code).toBe("UNAUTHENTICATED");
    expect(failure(() => requireStaff(caller(contact)))).toEqual({ code: "FORBIDDEN", message: "Staff access required" });
    expect(failure(() => requireStaff(caller(operator)))).toEqual({ code: "FORBIDDEN", message: "Staff access required" });
  });

  it("checks the business first: without one, even staff are refused and nobody is asked to sign in", () => {
    expect(failure(() => requireStaff(caller(staff, null))).message).toBe("No business selected for this request");
    expect(failure(() => requireStaff(caller(anonymous, null))).code).toBe("FORBIDDEN");
  });
});

describe("requireOperator", () => {
  it("returns a platform operator, with or without a business selected", () => {
    expect(requireOperator(caller(operator, null))).toBe(operator);
    expect(requireOperator(caller(operator))).toBe(operator);
  });

  it("asks an anonymous caller to sign in and forbids everyone else", () => {
    expect(failure(() => requireOperator(caller(anonymous))).code).toBe("UNAUTHENTICATED");
    for (const actor of [staff, contact, apiKey("read", "write"), system]) {
      expect(failure(() => requireOperator(caller(actor)))).toEqual({ code: "FORBIDDEN", message: "Platform operator access required" });
    }
  });
});

describe("isStaffReader", () => {
  it("is yes exactly for staff and read-scoped API keys of the selected business", () => {
    expect(isStaffReader(caller(staff))).toBe(true);
    expect(isStaffReader(caller(apiKey("read")))).toBe(true);
    expect(isStaffReader(caller(apiKey("write")))).toBe(false);
    expect(isStaffReader(caller(contact))).toBe(false);
    expect(isStaffReader(caller(anonymous))).toBe(false);
    expect(isStaffReader(caller(staff, null))).toBe(false);
  });

  it('answers as requireStaff(caller, "read") lets through, for every kind of caller, with and without a business', () => {
    for (const actor of [anonymous, contact, staff, operator, system, apiKey(), apiKey("read"), apiKey("write"), apiKey("read", "write")])
      for (const businessId of [BUSINESS, null]) {
        let allowed = true;
        try {
          requireStaff(caller(actor, businessId), "read");
        } catch {
          allowed = false;
        }
        expect(isStaffReader(caller(actor, businessId)), `${actor.kind} in ${businessId}`).toBe(allowed);
      }
  });
});

describe("requireSignedIn", () => {
  it("accepts any signed-in actor, with or without rights", () => {
    for (const actor of [contact, staff, operator, apiKey()]) expect(() => requireSignedIn(caller(actor))).not.toThrow();
  });

  it("asks anonymous callers and actors without an id to sign in", () => {
    expect(failure(() => requireSignedIn(caller(anonymous)))).toEqual({ code: "UNAUTHENTICATED", message: "Sign in required" });
    expect(failure(() => requireSignedIn(caller(system))).code).toBe("UNAUTHENTICATED");
  });
});
