import { describe, expect, it } from "vitest";
import { appointmentCardLines } from "./dashboardCard";

describe("the Appointments dashboard card", () => {
  it("is hidden with no upcoming appointment and nothing to book", () => {
    expect(appointmentCardLines(null, "Europe/Berlin")).toBeNull();
    expect(appointmentCardLines({ hasAppointments: false, canBook: false, next: null }, "Europe/Berlin")).toBeNull();
    // Only past appointments, and no type the client may book.
    expect(appointmentCardLines({ hasAppointments: true, canBook: false, next: null }, "Europe/Berlin")).toBeNull();
  });

  it("names the next appointment with its time in the client's zone", () => {
    const summary = { hasAppointments: true, canBook: true, next: { startsAt: "2026-12-07T09:00:00Z", typeName: "Consultation" } };
    const berlin = appointmentCardLines(summary, "Europe/Berlin", "en-GB");
    expect(berlin?.[0]).toBe("Next: Consultation");
    expect(berlin?.[1]).toContain("10:00");
    expect(berlin?.[1]).toContain("Mon 7 Dec");
    const newYork = appointmentCardLines(summary, "America/New_York", "en-US");
    expect(newYork?.[1]).toContain("4:00");
    expect(newYork?.[1]).toContain("EST");
  });

  it("invites to book when nothing is upcoming but a type is bookable", () => {
    expect(appointmentCardLines({ hasAppointments: false, canBook: true, next: null }, "UTC")).toEqual([
      "No upcoming appointments",
      "Book one when it suits you",
    ]);
  });
});
