import { describe, expect, it } from "vitest";
import { landingChoices, slugProblem, suggestSlug } from "./landingUrls";

describe("campaign link choices", () => {
  it("offers the portal first, then each allowed page once", () => {
    expect(
      landingChoices(
        ["https://shop.example.com/spring", "https://portal.example.com/", "https://shop.example.com/spring"],
        "https://portal.example.com",
      ),
    ).toEqual(["https://portal.example.com/", "https://shop.example.com/spring"]);
    expect(landingChoices([], "https://portal.example.com/")).toEqual(["https://portal.example.com/"]);
  });

  it("suggests and checks slugs by the programme's rules", () => {
    expect(suggestSlug("  Spring Sale 2027! ")).toBe("spring-sale-2027");
    expect(suggestSlug("Café Crème")).toBe("cafe-creme");
    expect(slugProblem("spring-sale")).toBeNull();
    expect(slugProblem("ab")).toBe("Use 3 to 40 characters.");
    expect(slugProblem("a".repeat(41))).toBe("Use 3 to 40 characters.");
    expect(slugProblem("Spring_Sale")).toBe("Use lowercase letters, digits and hyphens only.");
  });
});
