import { describe, expect, it } from "vitest";
import { describeDrip, formatBytes, lessonStateLabel, lockedLabel, needsHlsJs } from "./lessons";

describe("lesson states and drip in words", () => {
  it("says when a locked lesson opens, or what to pass first", () => {
    const available = lockedLabel({ lockReason: "DRIP", availableAt: "2027-03-12T09:00:00.000Z" });
    expect(available).toMatch(/^Available /);
    expect(available).toMatch(/2027/);
    expect(lockedLabel({ lockReason: "MODULE_QUIZ", availableAt: null })).toBe("Pass the previous module's quiz to unlock");
    expect(lessonStateLabel({ state: "COMPLETED" })).toBe("Completed");
    expect(lessonStateLabel({ state: "CURRENT" })).toBe("Continue here");
    expect(lessonStateLabel({ state: "AVAILABLE" })).toBe("Not started");
  });

  it("summarises drip settings for staff", () => {
    expect(describeDrip({ kind: "NONE" })).toBeNull();
    expect(describeDrip({ kind: "AFTER_DAYS", days: 1 })).toBe("Opens 1 day after enrolment");
    expect(describeDrip({ kind: "AFTER_DAYS", days: 7 })).toBe("Opens 7 days after enrolment");
    expect(describeDrip({ kind: "ON_DATE", date: "2027-04-01T10:00:00.000Z" })).toMatch(/^Opens on .*2027/);
  });

  it("sizes files", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(2048)).toBe("2 KB");
    expect(formatBytes(3.5 * 1024 * 1024)).toBe("3.5 MB");
  });
});

describe("HLS playback", () => {
  it("loads hls.js only for an HLS stream the browser cannot play itself", () => {
    expect(needsHlsJs("HLS", "")).toBe(true);
    expect(needsHlsJs("HLS", "maybe")).toBe(false);
    expect(needsHlsJs("HLS", "probably")).toBe(false);
    expect(needsHlsJs("MP4", "")).toBe(false);
  });
});
