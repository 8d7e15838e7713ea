import { describe, expect, it } from "vitest";
import { actionTypesFor, formatDuration, formatWait, outcomeLabel, readableStepLabel, triggerLabel } from "./labels";
import { insertPlaceholder, placeholdersIn, unknownPlaceholders } from "./placeholders";
import {
  draftFromWorkflow,
  draftToValue,
  moveRow,
  newAction,
  newCondition,
  newWorkflowDraft,
  removeRow,
  type WorkflowDraft,
} from "./workflowDraft";

function draft(patch: Partial<WorkflowDraft> = {}): WorkflowDraft {
  return { ...newWorkflowDraft("ORDER_PAID"), name: "Welcome buyers", ...patch };
}

describe("the workflow builder's draft", () => {
  it("moves an action up and down, and leaves the list alone at its ends", () => {
    const [a, b, c] = [newAction("INVITE_TO_PORTAL"), newAction("WAIT"), newAction("SEND_EMAIL")];
    expect(moveRow([a, b, c], 2, -1).map((x) => x.type)).toEqual(["INVITE_TO_PORTAL", "SEND_EMAIL", "WAIT"]);
    expect(moveRow([a, b, c], 0, 1).map((x) => x.type)).toEqual(["WAIT", "INVITE_TO_PORTAL", "SEND_EMAIL"]);
    const rows = [a, b, c];
    expect(moveRow(rows, 0, -1)).toBe(rows);
    expect(moveRow(rows, 2, 1)).toBe(rows);
    expect(removeRow(rows, 1).map((x) => x.key)).toEqual([a.key, c.key]);
  });

  it("saves only the settings each action type uses, in order", () => {
    const enrol = { ...newAction("ENROL_IN_COURSE"), courseId: "course-1", groupId: "stale-group" };
    const wait = { ...newAction("WAIT"), amount: " 3 ", unit: "HOURS" as const };
    const email = { ...newAction("SEND_EMAIL"), subject: " Welcome ", body: "Hi {{contact.name}}" };
    const result = draftToValue(draft({ actions: [newAction("INVITE_TO_PORTAL"), enrol, wait, email] }));
    expect(result).toEqual({
      value: {
        name: "Welcome buyers",
        enabled: true,
        trigger: "ORDER_PAID",
        conditions: [],
        actions: [
          { type: "INVITE_TO_PORTAL" },
          { type: "ENROL_IN_COURSE", courseId: "course-1" },
          { type: "WAIT", amount: 3, unit: "HOURS" },
          { type: "SEND_EMAIL", subject: "Welcome", body: "Hi {{contact.name}}" },
        ],
      },
    });
  });

  it("names the field that cannot be saved, as the server would", () => {
    const fieldOf = (d: WorkflowDraft) => {
      const result = draftToValue(d);
      return "problem" in result ? result.problem.field : null;
    };
    expect(fieldOf(draft({ name: "  " }))).toBe("name");
    expect(fieldOf(draft({ actions: [] }))).toBe("actions");
    expect(fieldOf(draft({ actions: [newAction(), newAction("ADD_TO_GROUP")] }))).toBe("actions.1.groupId");
    expect(fieldOf(draft({ actions: [{ ...newAction("WAIT"), amount: "1.5" }] }))).toBe("actions.0.amount");
    expect(fieldOf(draft({ actions: [{ ...newAction("WAIT"), amount: "366", unit: "MINUTES" }] }))).toBe("actions.0.amount");
    expect(fieldOf(draft({ actions: [{ ...newAction("SEND_EMAIL"), subject: "Hi" }] }))).toBe("actions.0.body");
    expect(fieldOf(draft({ conditions: [newCondition("offerId")] }))).toBe("conditions.0.value");
  });

  it("saves a condition's value trimmed", () => {
    const result = draftToValue(draft({ conditions: [{ ...newCondition("contactHasPortalAccess"), value: " false " }] }));
    expect("value" in result && result.value.conditions).toEqual([{ field: "contactHasPortalAccess", operator: "EQUALS", value: "false" }]);
  });

  it("round-trips a saved workflow", () => {
    const saved = {
      name: "Course buyers",
      enabled: false,
      trigger: "ORDER_PAID",
      conditions: [{ field: "offerId", operator: "EQUALS", value: "offer-1" }],
      actions: [{ type: "WAIT" as const, amount: 2, unit: "DAYS" as const }, { type: "GRANT_OFFER_ACCESS" as const }],
    };
    expect(draftToValue(draftFromWorkflow(saved))).toEqual({ value: saved });
  });
});

describe("placeholders in a workflow's email", () => {
  it("lists each placeholder once, sections included, closing tags left out", () => {
    expect(placeholdersIn("Hi {{contact.name}}, {{#offer}}{{ offer.name }}{{/offer}} {{{contact.name}}}")).toEqual([
      "contact.name",
      "offer",
      "offer.name",
    ]);
  });

  it("names placeholders the trigger does not provide", () => {
    expect(unknownPlaceholders("{{contact.name}} owes {{invoice.total}}", ["contact.name", "order.amount"])).toEqual(["invoice.total"]);
  });

  it("inserts a placeholder at the caret", () => {
    expect(insertPlaceholder("Hello !", "contact.name", 6)).toEqual({ text: "Hello {{contact.name}}!", caret: 22 });
    expect(insertPlaceholder("Hi", "x")).toEqual({ text: "Hi{{x}}", caret: 7 });
  });
});

describe("workflow wording", () => {
  it("offers granting an offer's access only to workflows an order starts", () => {
    expect(actionTypesFor("ORDER_PAID")).toContain("GRANT_OFFER_ACCESS");
    expect(actionTypesFor("INVOICE_SENT")).not.toContain("GRANT_OFFER_ACCESS");
  });

  it("speaks of triggers, outcomes, waits and durations in words", () => {
    expect(triggerLabel("ORDER_PAID")).toBe("Order paid");
    expect(triggerLabel("SOMETHING_NEW")).toBe("Something new");
    expect(outcomeLabel("SKIPPED")).toBe("Skipped");
    expect(formatWait(1, "DAYS")).toBe("1 day");
    expect(formatWait(3, "HOURS")).toBe("3 hours");
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(12_300)).toBe("12 s");
    expect(formatDuration(2_500)).toBe("2.5 s");
    expect(formatDuration(3_900_000)).toBe("1 h 5 min");
    expect(formatDuration(null)).toBe("—");
  });

  it("names a step's course or group by its title when known", () => {
    const course = "5f0c2a4e-1b2c-4d3e-8f90-123456789abc";
    const gone = "00000000-1b2c-4d3e-8f90-123456789abc";
    const names = new Map([[course, "Watercolour basics"]]);
    expect(readableStepLabel(`Grant the offer: enrol in course ${course.toUpperCase()}`, names)).toBe(
      "Grant the offer: enrol in course “Watercolour basics”",
    );
    expect(readableStepLabel(`Add to group ${gone}`, names)).toBe(`Add to group ${gone}`);
  });
});
