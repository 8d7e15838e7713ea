import { describe, expect, it } from "vitest";
import { grantsInWords, orderStatusLabel, paymentMethodLabel } from "../shared/labels";
import { offerUrl, orderDonePath, referralCodeFrom } from "../shared/links";
import { orderOutcome, pollDelay } from "../public/orderOutcome";
import { draftFromOffer, newOfferDraft, offerDraftToValue, slugify, toggleId, withName, type OfferDraft } from "./offerDraft";

function draft(patch: Partial<OfferDraft> = {}): OfferDraft {
  return { ...withName(newOfferDraft(), "Yoga course"), price: "49", courseIds: ["course-1"], ...patch };
}

describe("the offer editor's draft", () => {
  it("makes the public link's slug from the name until staff type their own", () => {
    expect(slugify("  Yoga for Beginners – Spring! ")).toBe("yoga-for-beginners-spring");
    expect(slugify("Café crème")).toBe("cafe-creme");
    const named = withName(newOfferDraft(), "Pilates club");
    expect(named.slug).toBe("pilates-club");
    expect(withName({ ...named, slug: "pilates", slugEdited: true }, "Pilates club 2").slug).toBe("pilates");
  });

  it("saves the price in minor units of the currency", () => {
    expect(offerDraftToValue(draft({ price: "1,249.50", currency: "eur", groupIds: ["group-1"] }))).toEqual({
      value: {
        name: "Yoga course",
        description: "",
        price: 124950,
        currency: "EUR",
        slug: "yoga-course",
        courseIds: ["course-1"],
        groupIds: ["group-1"],
      },
    });
    const yen = offerDraftToValue(draft({ price: "5000", currency: "JPY" }));
    expect("value" in yen && yen.value.price).toBe(5000);
  });

  it("names the field that cannot be saved", () => {
    const fieldOf = (d: OfferDraft) => {
      const result = offerDraftToValue(d);
      return "problem" in result ? result.problem.field : null;
    };
    expect(fieldOf(draft({ name: " " }))).toBe("name");
    expect(fieldOf(draft({ price: "0" }))).toBe("price");
    expect(fieldOf(draft({ price: "12.345" }))).toBe("price");
    expect(fieldOf(draft({ currency: "US" }))).toBe("currency");
    expect(fieldOf(draft({ slug: "Yoga Course" }))).toBe("slug");
    expect(fieldOf(draft({ slug: "yoga--course" }))).toBe("slug");
    expect(fieldOf(draft({ courseIds: [], groupIds: [] }))).toBe("grants");
  });

  it("round-trips a saved offer", () => {
    const saved = {
      name: "Club",
      description: "Monthly",
      price: 1500,
      currency: "USD",
      slug: "club",
      courseIds: [],
      groupIds: ["g"],
    };
    expect(offerDraftToValue(draftFromOffer(saved))).toEqual({ value: saved });
  });

  it("adds and removes grants once each", () => {
    expect(toggleId(["a"], "a", true)).toEqual(["a"]);
    expect(toggleId(["a"], "b", true)).toEqual(["a", "b"]);
    expect(toggleId(["a", "b"], "a", false)).toEqual(["b"]);
  });
});

describe("order links", () => {
  it("builds the public link and the result page's address", () => {
    expect(offerUrl("http://studio.test:4000/", "yoga-course")).toBe("http://studio.test:4000/buy/yoga-course");
    expect(orderDonePath("yoga", "o-1&x")).toBe("/buy/yoga/done?order=o-1%26x");
  });

  it("passes on a referral code from the address, and nothing that is not one", () => {
    expect(referralCodeFrom(new URLSearchParams("ref=ADA-42"))).toBe("ADA-42");
    expect(referralCodeFrom(new URLSearchParams("ref=<script>"))).toBeNull();
    expect(referralCodeFrom(new URLSearchParams(""))).toBeNull();
  });
});

describe("the payment result page", () => {
  it("waits while the payment or the buyer is not confirmed yet", () => {
    expect(orderOutcome(undefined, false)).toBe("CONFIRMING");
    expect(orderOutcome({ status: "PENDING", nextStep: "WAIT" }, true)).toBe("CONFIRMING");
    expect(orderOutcome({ status: "PAID", nextStep: "WAIT" }, true)).toBe("CONFIRMING");
  });

  it("tells a new buyer to check their email and an existing client to sign in", () => {
    expect(orderOutcome({ status: "READY", nextStep: "CHECK_EMAIL" }, true)).toBe("CHECK_EMAIL");
    expect(orderOutcome({ status: "READY", nextStep: "SIGN_IN" }, true)).toBe("SIGN_IN");
  });

  it("says so when the link names no order", () => {
    expect(orderOutcome(null, true)).toBe("UNKNOWN");
  });

  it("asks again quickly at first, then at most every 5 seconds", () => {
    expect(pollDelay(0)).toBe(1000);
    expect(pollDelay(2)).toBe(1000);
    expect(pollDelay(3)).toBe(1500);
    expect(pollDelay(20)).toBe(5000);
  });
});

describe("order wording", () => {
  it("says what an offer grants and how an order stands", () => {
    expect(grantsInWords({ courseIds: ["a"], groupIds: ["b", "c"] })).toBe("1 course and 2 community groups");
    expect(grantsInWords({ courseIds: ["a", "b"], groupIds: [] })).toBe("2 courses");
    expect(grantsInWords({ courseIds: [], groupIds: [] })).toBe("nothing yet");
    expect(orderStatusLabel("PENDING")).toBe("Awaiting payment");
    expect(orderStatusLabel("READY")).toBe("Paid");
    expect(paymentMethodLabel("test")).toBe("Test payment (no money moved)");
    expect(paymentMethodLabel("card")).toBe("Card");
  });
});
