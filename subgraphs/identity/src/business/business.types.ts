import { ConnectionType, Multiline, NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Directive, Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { PORTAL_SECTIONS, type Business, type PortalSectionKey } from "./business.entity.js";

export enum PortalSection {
  INVOICES = "INVOICES",
  COURSES = "COURSES",
  DOCUMENTS = "DOCUMENTS",
  COMMUNITIES = "COMMUNITIES",
  APPOINTMENTS = "APPOINTMENTS",
  AFFILIATES = "AFFILIATES",
}
registerEnumType(PortalSection, {
  name: "PortalSection",
  description: "A section of the client portal that a business can turn on or off.",
});

@ObjectType({ description: "How the portal looks for one business." })
export class Branding {
  @Field(() => String, { description: "Name shown in the portal header and emails." })
  displayName!: string;
  @Field(() => String, { nullable: true, description: "Logo image URL (https or data: URI), if any." })
  logoUrl!: string | null;
  @Field(() => String, { description: "Primary colour, hex `#rrggbb`." })
  primaryColor!: string;
  @Field(() => String, { description: "Accent colour, hex `#rrggbb`." })
  accentColor!: string;
}

@ObjectType({ description: "Whether one portal section is shown to clients." })
export class PortalSectionSetting {
  @Field(() => PortalSection, { description: "The section." })
  section!: PortalSection;
  @Field(() => Boolean, { description: "True when clients see this section." })
  enabled!: boolean;
}

@ObjectType({ description: "What the business's staff configure for their portal." })
export class PortalSettings {
  @Field(() => String, { description: "Message shown at the top of the client dashboard." })
  welcomeMessage!: string;
  @Field(() => [PortalSectionSetting], { description: "Every section with its on/off state." })
  sections!: PortalSectionSetting[];
}

@Directive(`@key(fields: "id")`)
@ObjectType("Business", { description: "A business (tenant) hosting a client portal." })
export class BusinessView {
  @Field(() => ID, { description: "Business id." })
  id!: string;
  @Field(() => String, { description: "Legal or trading name." })
  name!: string;
  @Field(() => String, { description: "Unique short name; `<slug>.localhost` serves this portal in development." })
  slug!: string;
  @Field(() => [String], { description: "Host names that serve this business's portal." })
  hostNames!: string[];
  @Field(() => Branding, { description: "Look of the portal." })
  branding!: Branding;
  @Field(() => PortalSettings, { description: "Welcome message and section toggles." })
  settings!: PortalSettings;
  @Field(() => Date, { description: "When the business was created." })
  createdAt!: Date;
}

@ObjectType({ description: "What anyone visiting a portal may see about its business." })
export class PublicBusiness {
  @Field(() => ID, { description: "Business id." })
  id!: string;
  @Field(() => String, { description: "Business name." })
  name!: string;
  @Field(() => String, { description: "Business slug." })
  slug!: string;
  @Field(() => Branding, { description: "Look of the portal." })
  branding!: Branding;
  @Field(() => PortalSettings, {
    nullable: true,
    description: "Welcome message and sections; only for signed-in contacts and staff of this business, else null.",
  })
  settings!: PortalSettings | null;
}

@ObjectType({ description: "Public face of the portal for the current host: no sign-in needed." })
export class Portal {
  @Field(() => PublicBusiness, { nullable: true, description: "The business this host serves; null on the platform host." })
  business!: PublicBusiness | null;
  @Field(() => PortalSettings, {
    nullable: true,
    description: "Welcome message and sections; only for signed-in contacts and staff of this business, else null.",
  })
  settings!: PortalSettings | null;
}

export const BusinessConnection = ConnectionType(BusinessView, "Business");

export function toBranding(business: Business): Branding {
  const { displayName, logoUrl, primaryColor, accentColor } = business;
  return Object.assign(new Branding(), { displayName, logoUrl, primaryColor, accentColor });
}

export function toSettings(business: Business): PortalSettings {
  const sections = PORTAL_SECTIONS.map((section) =>
    Object.assign(new PortalSectionSetting(), {
      section: section as PortalSection,
      enabled: business.sections[section as PortalSectionKey] ?? false,
    }),
  );
  return Object.assign(new PortalSettings(), { welcomeMessage: business.welcomeMessage, sections });
}

export function toBusinessView(business: Business): BusinessView {
  const { id, name, slug, hostNames, createdAt } = business;
  return Object.assign(new BusinessView(), {
    id,
    name,
    slug,
    hostNames,
    createdAt,
    branding: toBranding(business),
    settings: toSettings(business),
  });
}

/** `withSettings` only when the caller is signed in to this business. */
export function toPublicBusiness(business: Business, withSettings = false): PublicBusiness {
  const { id, name, slug } = business;
  return Object.assign(new PublicBusiness(), {
    id,
    name,
    slug,
    branding: toBranding(business),
    settings: withSettings ? toSettings(business) : null,
  });
}

@InputType({ description: "Branding a platform operator sets for a business." })
export class BrandingInput {
  @Field(() => String, { description: "Name shown in the portal header and emails." })
  displayName!: string;
  @Field(() => String, { nullable: true, description: "Logo URL (https or image data: URI); null removes it." })
  logoUrl?: string | null;
  @Field(() => String, { description: "Primary colour, hex `#rrggbb`." })
  primaryColor!: string;
  @Field(() => String, { description: "Accent colour, hex `#rrggbb`." })
  accentColor!: string;
}

@InputType({ description: "One section toggle." })
export class PortalSectionSettingInput {
  @Field(() => PortalSection, { description: "The section." })
  section!: PortalSection;
  @Field(() => Boolean, { description: "Show it to clients." })
  enabled!: boolean;
}

@InputType({ description: "Portal settings the business's staff edit." })
export class PortalSettingsInput {
  @Field(() => String, { description: "Message at the top of the client dashboard." })
  @Multiline()
  welcomeMessage!: string;
  @Field(() => [PortalSectionSettingInput], { description: "Section toggles; sections left out keep their state." })
  sections!: PortalSectionSettingInput[];
}

@InputType({ description: "A new business and its first owner." })
export class CreateBusinessInput {
  @Field(() => String, { description: "Business name." })
  name!: string;
  @Field(() => String, { description: "Unique slug: lowercase letters, digits, dashes." })
  slug!: string;
  @Field(() => String, { description: "Name of the owner staff account." })
  ownerName!: string;
  @Field(() => String, { description: "Email of the owner staff account." })
  ownerEmail!: string;
}

@ObjectType({ description: "The business after the change." })
export class BusinessSuccess {
  @Field(() => BusinessView, { description: "The business." })
  business!: BusinessView;
}

@ObjectType({ description: "The portal settings after the change." })
export class PortalSettingsSuccess {
  @Field(() => PortalSettings, { description: "Saved settings." })
  settings!: PortalSettings;
}

export const BusinessResult = createUnionType({
  name: "BusinessResult",
  description: "Outcome of a business change.",
  types: () => [BusinessSuccess, ValidationError, NotFoundError] as const,
});

export const PortalSettingsResult = createUnionType({
  name: "PortalSettingsResult",
  description: "Outcome of saving portal settings.",
  types: () => [PortalSettingsSuccess, ValidationError] as const,
});
