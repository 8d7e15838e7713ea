import { UserError } from "@portal/kit";

/** The commission, affiliate or link is not in a state that allows this (already paid, removed, the default link…). */
export class AffiliateStateError extends UserError {
  static of(message: string): AffiliateStateError {
    return Object.assign(new AffiliateStateError(), { message });
  }
}

/** What the affiliate is owed in that currency is below the programme's minimum payout. */
export class BelowMinimumPayoutError extends UserError {
  /** The programme's minimum, in minor units. */
  minimumPayout!: number;
  /** What is owed now, in minor units. */
  owed!: number;

  static of(minimumPayout: number, owed: number, currency: string): BelowMinimumPayoutError {
    const message = `Only ${owed} (minor units of ${currency}) is owed, below the minimum payout of ${minimumPayout}.`;
    return Object.assign(new BelowMinimumPayoutError(), { minimumPayout, owed, message });
  }
}

/** The signed-in client is not one of the business's affiliates. */
export class NotAnAffiliateError extends UserError {
  static of(message = "You are not an affiliate of this business."): NotAnAffiliateError {
    return Object.assign(new NotAnAffiliateError(), { message });
  }
}
