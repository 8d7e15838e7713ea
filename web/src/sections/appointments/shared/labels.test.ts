import { describe, expect, it } from "vitest";
import { formatMinutes } from "./labels";

describe("durations in words", () => {
  it("reads as people say them", () => {
    expect(formatMinutes(30)).toBe("30 minutes");
    expect(formatMinutes(60)).toBe("1 hour");
    expect(formatMinutes(90)).toBe("1 hour 30 minutes");
    expect(formatMinutes(1440)).toBe("1 day");
    expect(formatMinutes(2880)).toBe("2 days");
    expect(formatMinutes(0)).toBe("none");
  });
});
