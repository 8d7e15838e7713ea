import { registerEnumType } from "type-graphql";

export enum CommissionType {
  PERCENTAGE = "PERCENTAGE",
  FIXED = "FIXED",
}
registerEnumType(CommissionType, {
  name: "CommissionType",
  description: "PERCENTAGE: a share of what the referred client paid (basis points); FIXED: a set amount per conversion.",
});

export enum AffiliateStatus {
  ACTIVE = "ACTIVE",
  REMOVED = "REMOVED",
}
registerEnumType(AffiliateStatus, {
  name: "AffiliateStatus",
  description: "ACTIVE: earns commissions; REMOVED: staff removed them (their links still open the site but record nothing).",
});

export enum CommissionStatus {
  PENDING = "PENDING",
  APPROVED = "APPROVED",
  PAID = "PAID",
  CANCELLED = "CANCELLED",
}
registerEnumType(CommissionStatus, {
  name: "CommissionStatus",
  description:
    "PENDING: inside the hold period (a refund cancels it); APPROVED: owed to the affiliate; PAID: settled by a payout; CANCELLED: refunded or cancelled by staff.",
});

export enum CommissionKind {
  COMMISSION = "COMMISSION",
  ADJUSTMENT = "ADJUSTMENT",
}
registerEnumType(CommissionKind, {
  name: "CommissionKind",
  description: "COMMISSION: earned on a paid invoice; ADJUSTMENT: a negative correction after a refund of an approved or paid commission.",
});
