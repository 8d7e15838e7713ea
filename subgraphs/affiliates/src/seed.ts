/**
 * The demo's affiliate programme, made the way the business and its visitors make it: through
 * affiliates' own API and click route, with calls signed as the owner (and as anonymous visitors),
 * and commissions from real paid invoices of the referred contacts (billing's `invoicePaid`).
 * The programme on (20 %, 30-day window and hold), the client an affiliate with their default link
 * and a campaign link, a few clicks, two referred contacts, one pending and one approved commission.
 */

/** One way of calling affiliates as one person (the platform script signs each call as the gateway would). */
export interface DemoAffiliatesCaller {
  data<D>(query: string, variables?: Record<string, unknown>): Promise<D>;
}

export interface DemoAffiliatesInput {
  /** The owner, on affiliates' GraphQL endpoint. */
  staff: DemoAffiliatesCaller;
  /** The client who becomes the affiliate. */
  contact: { id: string; name: string };
  /** Two other contacts of the business, referred by the client. */
  referred: { id: string; name: string }[];
  /** One anonymous visit of `/r/<code>` as visitor number `visitor` (e.g. a signed GET of `/files/r/<code>` with its own user agent). */
  visit?: (code: string, visitor: number) => Promise<unknown>;
  /** Has billing issue and record payment of an invoice of `amount` minor units for the contact (its `invoicePaid` earns the commission). */
  payInvoice?: (contactId: string, amount: number) => Promise<unknown>;
  /** How long to wait for affiliates to learn the people (identity's events) and the payments (billing's). */
  timeoutMs?: number;
  /** Called once before the first change, when there is something to add. */
  beforeChanges?: () => Promise<void>;
}

export const DEMO_CAMPAIGN_SLUG = "spring-offer";

const RESULT = `__typename ... on UserError { message }`;

interface Outcome {
  __typename: string;
  message?: string;
  affiliate?: { id: string; links: { code: string; landingUrl: string; isDefault: boolean }[] };
}

/** Retries while affiliates does not know the people yet (identity's events still on their way). */
async function retrying(timeoutMs: number, what: string, attempt: () => Promise<Outcome>): Promise<Outcome> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const outcome = await attempt();
    if (outcome.__typename.endsWith("Success")) return outcome;
    if (Date.now() > deadline || outcome.__typename !== "ValidationError")
      throw new Error(`Demo affiliates: ${what} failed: ${outcome.message ?? outcome.__typename}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

type Commission = { id: string; status: string };

/**
 * Adds the demo programme unless the client is already an affiliate with the demo campaign link, so
 * a second run adds nothing. Returns how many affiliates were made (0 or 1).
 */
export async function seedDemoAffiliates(input: DemoAffiliatesInput): Promise<number> {
  const { staff } = input;
  const timeoutMs = input.timeoutMs ?? 60_000;
  const listed = await staff.data<{ affiliates: { edges: { node: { contactId: string; links: { code: string }[] } }[] } }>(
    `query { affiliates(first: 100) { edges { node { contactId links { code } } } } }`,
  );
  const existing = listed.affiliates.edges.find((edge) => edge.node.contactId === input.contact.id);
  if (existing?.node.links.some((link) => link.code === DEMO_CAMPAIGN_SLUG)) return 0;
  await input.beforeChanges?.();

  await staff.data(`mutation($input: AffiliateProgrammeInput!) { updateAffiliateProgramme(input: $input) { ${RESULT} } }`, {
    input: {
      enabled: true,
      commissionType: "PERCENTAGE",
      commissionBasisPoints: 2000,
      attributionWindowDays: 30,
      holdDays: 30,
      minimumPayout: 5000,
    },
  });
  const made = await retrying(
    timeoutMs,
    "making the client an affiliate",
    async () =>
      (
        await staff.data<{ makeAffiliate: Outcome }>(
          `mutation($contactId: ID!) { makeAffiliate(contactId: $contactId, inviteToPortal: false) {
           ${RESULT} ... on AffiliateSuccess { affiliate { id links { code landingUrl isDefault } } } } }`,
          { contactId: input.contact.id },
        )
      ).makeAffiliate,
  );
  const affiliate = made.affiliate!;
  const home = affiliate.links.find((link) => link.isDefault)!;
  const campaign = await staff.data<{ createReferralLink: Outcome }>(
    `mutation($input: CreateReferralLinkInput!) { createReferralLink(input: $input) { ${RESULT} } }`,
    { input: { affiliateId: affiliate.id, slug: DEMO_CAMPAIGN_SLUG, landingUrl: home.landingUrl } },
  );
  if (!campaign.createReferralLink.__typename.endsWith("Success"))
    throw new Error(`Demo affiliates: the campaign link failed: ${campaign.createReferralLink.message}`);

  if (input.visit) {
    for (let visitor = 1; visitor <= 5; visitor++) await input.visit(home.code, visitor);
    for (let visitor = 6; visitor <= 8; visitor++) await input.visit(DEMO_CAMPAIGN_SLUG, visitor);
  }
  for (const [index, contact] of input.referred.slice(0, 2).entries()) {
    await retrying(
      timeoutMs,
      `referring ${contact.name}`,
      async () =>
        (
          await staff.data<{ setContactReferrer: Outcome }>(
            `mutation($contactId: ID!, $affiliateId: ID) { setContactReferrer(contactId: $contactId, affiliateId: $affiliateId) { ${RESULT} } }`,
            { contactId: contact.id, affiliateId: affiliate.id },
          )
        ).setContactReferrer,
    );
    await input.payInvoice?.(contact.id, index === 0 ? 50_000 : 120_000);
  }
  if (!input.payInvoice) return 1;

  // The commissions arrive with billing's events; the first is approved early so the demo shows both states.
  const deadline = Date.now() + timeoutMs;
  let commissions: Commission[] = [];
  while (commissions.length < 2 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    commissions = (
      await staff.data<{ affiliateCommissions: { edges: { node: Commission }[] } }>(
        `query($affiliateId: ID) { affiliateCommissions(affiliateId: $affiliateId, first: 10) { edges { node { id status } } } }`,
        { affiliateId: affiliate.id },
      )
    ).affiliateCommissions.edges.map((edge) => edge.node);
  }
  const oldest = commissions[commissions.length - 1];
  if (oldest?.status === "PENDING")
    await staff.data(`mutation($id: ID!) { approveCommission(commissionId: $id) { ${RESULT} } }`, { id: oldest.id });
  return 1;
}
