import { errorType } from "@portal/kit";
import { Int } from "type-graphql";
import { AffiliateStateError, BelowMinimumPayoutError, NotAnAffiliateError } from "./affiliate.errors.js";

errorType(AffiliateStateError, {
  description: "The commission, affiliate or link does not allow this now (already paid, removed, the default link…).",
});
errorType(BelowMinimumPayoutError, {
  description: "What the affiliate is owed in this currency is below the programme's minimum payout.",
  fields: {
    minimumPayout: [() => Int, "The programme's minimum payout, in minor units."],
    owed: [() => Int, "What is owed now, in minor units."],
  },
});
errorType(NotAnAffiliateError, { description: "The signed-in client is not one of the business's affiliates." });
export { AffiliateStateError, BelowMinimumPayoutError, NotAnAffiliateError };
