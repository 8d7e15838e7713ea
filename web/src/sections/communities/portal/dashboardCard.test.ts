import { describe, expect, it } from "vitest";
import { communityCardLines } from "./dashboardCard";

describe("the Communities dashboard card", () => {
  it("is hidden without groups", () => {
    expect(communityCardLines(null)).toBeNull();
    expect(communityCardLines({ hasGroups: false, groupCount: 0, unreadCount: 0 })).toBeNull();
  });

  it("names the groups and what is new", () => {
    expect(communityCardLines({ hasGroups: true, groupCount: 1, unreadCount: 0 })).toEqual(["You are in 1 group", "You're all caught up."]);
    expect(communityCardLines({ hasGroups: true, groupCount: 2, unreadCount: 1 })).toEqual([
      "You are in 2 groups",
      "1 new post since your last visit",
    ]);
    expect(communityCardLines({ hasGroups: true, groupCount: 3, unreadCount: 7 })?.[1]).toBe("7 new posts since your last visit");
  });
});
