import { ConnectionArgs, isStaffReader, mapConnection, requireSignedIn, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Args, ArgsType, Ctx, Field, ID, Mutation, Query, Resolver } from "type-graphql";
import { contactIdOf } from "../shared/access.js";
import { Invoice } from "./invoice.entity.js";
import { createInvoice, findInvoice, listInvoices, sendInvoice, updateDraft, voidInvoice } from "./invoice.service.js";
import {
  InvoiceConnection,
  InvoiceInput,
  InvoiceResult,
  InvoiceStatus,
  InvoiceSuccess,
  InvoiceView,
  toInvoiceView,
} from "./invoice.types.js";

@ArgsType()
class InvoiceListArgs extends ConnectionArgs {
  @Field(() => InvoiceStatus, { nullable: true, description: "Only invoices in this status (OPEN excludes overdue ones)." })
  status?: InvoiceStatus | null;
  @Field(() => ID, { nullable: true, description: "Only invoices of this contact." })
  contactId?: string | null;
  @Field(() => String, { nullable: true, description: "Issued on or after this date (YYYY-MM-DD)." })
  issuedFrom?: string | null;
  @Field(() => String, { nullable: true, description: "Issued on or before this date (YYYY-MM-DD)." })
  issuedTo?: string | null;
  @Field(() => String, { nullable: true, description: "Invoice number, e.g. 12 or #12." })
  search?: string | null;
}

/** Wraps a service outcome: an invoice becomes InvoiceSuccess, an error value passes through. */
export function asInvoiceResult(result: Invoice | object, audience: "staff" | "contact" = "staff"): typeof InvoiceResult {
  return result instanceof Invoice
    ? Object.assign(new InvoiceSuccess(), { invoice: toInvoiceView(result, audience) })
    : (result as typeof InvoiceResult);
}

@Resolver(() => InvoiceView)
export class InvoiceResolver {
  @Query(() => InvoiceConnection, {
    description: "Staff: the business's invoices, newest first, filtered by status, contact, issue dates or number.",
  })
  async invoices(@Args(() => InvoiceListArgs) args: InvoiceListArgs, @Ctx() ctx: SubgraphContext) {
    requireStaff(ctx.caller, "read");
    const status = args.status ? (args.status.toLowerCase() as never) : null;
    return mapConnection(await listInvoices(ctx.em, { ...args, status }), (invoice) => toInvoiceView(invoice, "staff"));
  }

  @Query(() => InvoiceView, {
    nullable: true,
    description: "One invoice: for staff of its business, or for its contact once sent; null for anyone else.",
  })
  async invoice(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<InvoiceView | null> {
    requireSignedIn(ctx.caller);
    if (!ctx.caller.businessId) return null;
    const invoice = await findInvoice(ctx.em, id);
    if (!invoice) return null;
    if (isStaffReader(ctx.caller)) return toInvoiceView(invoice, "staff");
    const visibleToContact = contactIdOf(ctx.caller) === invoice.contactId && invoice.status !== "draft";
    return visibleToContact ? toInvoiceView(invoice, "contact") : null;
  }

  @Mutation(() => InvoiceResult, { description: "Staff: a new draft invoice with the business's next number." })
  async createInvoice(@Arg("input", () => InvoiceInput) input: InvoiceInput, @Ctx() ctx: SubgraphContext): Promise<typeof InvoiceResult> {
    const { businessId } = requireStaff(ctx.caller, "write");
    return asInvoiceResult(await createInvoice(ctx.em, businessId, input));
  }

  @Mutation(() => InvoiceResult, { description: "Staff: edits a draft; refused with InvoiceStateError once sent." })
  async updateInvoice(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => InvoiceInput) input: InvoiceInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof InvoiceResult> {
    requireStaff(ctx.caller, "write");
    return asInvoiceResult(await updateDraft(ctx.em, id, input));
  }

  @Mutation(() => InvoiceResult, { description: "Staff: sends a draft to its contact (it becomes OPEN and payable)." })
  async sendInvoice(
    @Arg("id", () => ID) id: string,
    @Arg("inviteToPortal", () => Boolean, {
      nullable: true,
      defaultValue: true,
      description: "Also invite the contact to the portal when they have no portal access yet (default true).",
    })
    inviteToPortal: boolean | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof InvoiceResult> {
    requireStaff(ctx.caller, "write");
    return asInvoiceResult(await sendInvoice(ctx.em, id, inviteToPortal !== false));
  }

  @Mutation(() => InvoiceResult, { description: "Staff: voids a draft or an open invoice without payments." })
  async voidInvoice(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<typeof InvoiceResult> {
    requireStaff(ctx.caller, "write");
    return asInvoiceResult(await voidInvoice(ctx.em, id));
  }
}
