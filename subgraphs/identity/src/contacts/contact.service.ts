import { UniqueConstraintViolationException } from "@mikro-orm/postgresql";
import { type EntityManager, findPage, NotFoundError, type PageArgs, ValidationError } from "@portal/kit";
import { announceContactAccess } from "../shared/live-topics.js";
import { checkEmail, checkPhone, checkRequiredText, containsPattern, firstError } from "../shared/validation.js";
import { recordContactChanged, recordContactReferred } from "./contact-events.js";
import { Contact, type AccessStatus } from "./contact.entity.js";
import { EmailTakenError } from "./contact.errors.js";
import { readReferralCode } from "./referral-code.js";

export interface ContactFields {
  name: string;
  email: string;
  phone?: string | null;
  dnd?: boolean | null;
  /** Only when creating: the affiliate link's code the contact arrived through. */
  referralCode?: string | null;
}

export interface ContactListArgs extends PageArgs {
  search?: string | null;
  accessStatus?: AccessStatus | null;
}

/** Every function here runs on a tenant-scoped EntityManager: the filter keeps it in one business. */
export function findContact(em: EntityManager, id: string): Promise<Contact | null> {
  return em.findOne(Contact, { id });
}

export function listContacts(em: EntityManager, args: ContactListArgs) {
  const search = args.search?.trim();
  const where = {
    ...(args.accessStatus ? { accessStatus: args.accessStatus } : {}),
    ...(search ? { $or: [{ name: { $ilike: containsPattern(search) } }, { email: { $ilike: containsPattern(search) } }] } : {}),
  };
  return findPage(em, Contact, where, "name", args);
}

/** True when another contact of the business already uses `email` (case-insensitive). */
export async function emailTaken(em: EntityManager, email: string, exceptContactId?: string): Promise<boolean> {
  const others = await em.count(Contact, {
    email: { $ilike: email.trim().replace(/[\\%_]/g, (char) => `\\${char}`) },
    ...(exceptContactId ? { id: { $ne: exceptContactId } } : {}),
  });
  return others > 0;
}

function validateContact(input: ContactFields): ValidationError | null {
  return firstError(checkRequiredText("name", "Name", input.name), checkEmail("email", input.email), checkPhone("phone", input.phone));
}

export async function createContact(
  em: EntityManager,
  businessId: string,
  input: ContactFields,
): Promise<Contact | ValidationError | EmailTakenError> {
  const invalid = validateContact(input);
  if (invalid) return invalid;
  const referralCode = readReferralCode(input.referralCode);
  if (referralCode instanceof ValidationError) return referralCode;
  if (await emailTaken(em, input.email)) return EmailTakenError.of();
  const contact = Object.assign(new Contact(), { businessId, ...cleaned(input) });
  // The referral travels with the creation: both are committed, or neither.
  return saveContact(
    em,
    contact,
    (tx) => {
      if (referralCode) recordContactReferred(tx, contact, referralCode);
    },
    { created: true },
  );
}

export async function updateContact(
  em: EntityManager,
  id: string,
  input: ContactFields,
): Promise<Contact | ValidationError | EmailTakenError | NotFoundError> {
  const invalid = validateContact(input);
  if (invalid) return invalid;
  // Who referred a contact is the affiliates section's record once the contact exists.
  if (input.referralCode?.trim())
    return ValidationError.of("referralCode", "A referral code can only be given when the contact is created");
  const contact = await findContact(em, id);
  if (!contact) return NotFoundError.of("No such contact");
  if (await emailTaken(em, input.email, id)) return EmailTakenError.of();
  Object.assign(contact, cleaned(input), { dnd: input.dnd ?? contact.dnd });
  return saveContact(em, contact);
}

function cleaned(input: ContactFields) {
  return { name: input.name.trim(), email: input.email.trim(), phone: input.phone?.trim() || null, dnd: input.dnd ?? false };
}

/** The unique index is the final word when two requests race past the check above. */
async function saveContact(
  em: EntityManager,
  contact: Contact,
  alsoRecord?: (tx: EntityManager) => void,
  change: { created?: boolean } = {},
): Promise<Contact | EmailTakenError> {
  try {
    await em.transactional(async (tx) => {
      tx.persist(contact);
      await tx.flush();
      recordContactChanged(tx, contact, change);
      alsoRecord?.(tx);
      await announceContactAccess(tx, contact.businessId, contact.id, "UPDATED");
    });
    return contact;
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return EmailTakenError.of();
    throw error;
  }
}
