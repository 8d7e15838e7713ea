import { describe, expect, it } from "vitest";
import { dripDraftOf, dripInputOf } from "./DripFields";

describe("drip settings in the editor", () => {
  it("round-trips days after enrolment and a date (opening at the start of that local day)", () => {
    expect(dripInputOf({ kind: "AFTER_DAYS", days: "14", date: "" })).toEqual({ kind: "AFTER_DAYS", days: 14 });
    const onDate = dripInputOf({ kind: "ON_DATE", days: "", date: "2027-04-01" });
    expect(typeof onDate).toBe("object");
    const draft = dripDraftOf(onDate as { kind: "ON_DATE"; date: string });
    expect(draft).toMatchObject({ kind: "ON_DATE", date: "2027-04-01" });
    expect(dripInputOf({ kind: "NONE", days: "", date: "" })).toEqual({ kind: "NONE" });
  });

  it("says what is missing", () => {
    expect(dripInputOf({ kind: "AFTER_DAYS", days: "-1", date: "" })).toBe("Enter a number of days from 0 to 3650.");
    expect(dripInputOf({ kind: "AFTER_DAYS", days: "1.5", date: "" })).toBe("Enter a number of days from 0 to 3650.");
    expect(dripInputOf({ kind: "ON_DATE", days: "", date: "" })).toBe("Choose the day it opens.");
  });
});
