import { requireStaff, ValidationError, type SubgraphContext } from "@portal/kit";
import { GraphQLError } from "graphql";
import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { getTemplate, listTemplates, previewTemplate, resetTemplate, updateTemplate } from "./template.service.js";
import {
  EmailPreview,
  NotificationTemplateInput,
  NotificationTemplateKey,
  NotificationTemplateResult,
  NotificationTemplateSuccess,
  NotificationTemplateType,
} from "./template.types.js";

const success = (template: NotificationTemplateType) => Object.assign(new NotificationTemplateSuccess(), { template });

@Resolver()
export class TemplateResolver {
  @Query(() => [NotificationTemplateType], { description: "Every email the business sends, with its current wording (staff)." })
  async notificationTemplates(@Ctx() ctx: SubgraphContext): Promise<NotificationTemplateType[]> {
    const { businessId } = requireStaff(ctx.caller);
    return listTemplates(ctx.em, businessId);
  }

  @Query(() => NotificationTemplateType, { description: "One email's current wording (staff)." })
  async notificationTemplate(
    @Arg("key", () => NotificationTemplateKey, { description: "Which email." }) key: NotificationTemplateKey,
    @Ctx() ctx: SubgraphContext,
  ): Promise<NotificationTemplateType> {
    const { businessId } = requireStaff(ctx.caller);
    return getTemplate(ctx.em, businessId, key);
  }

  @Query(() => EmailPreview, {
    description:
      "Renders unsaved wording with a sample contact and the business's branding (staff). Invalid wording fails with BAD_USER_INPUT naming the field.",
  })
  async previewNotificationTemplate(
    @Arg("input", () => NotificationTemplateInput, { description: "Key, subject and body." }) input: NotificationTemplateInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EmailPreview> {
    const { businessId } = requireStaff(ctx.caller);
    const result = await previewTemplate(ctx.em, businessId, input);
    if (!result.ok) throw new GraphQLError(result.problem.message, { extensions: { code: "BAD_USER_INPUT", field: result.problem.field } });
    return result.preview;
  }

  @Mutation(() => NotificationTemplateResult, { description: "Saves the business's own wording for one email (staff)." })
  async updateNotificationTemplate(
    @Arg("input", () => NotificationTemplateInput, { description: "Key, subject and body." }) input: NotificationTemplateInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof NotificationTemplateResult> {
    const { businessId } = requireStaff(ctx.caller, "write");
    const result = await updateTemplate(ctx.em, businessId, input);
    return result.ok ? success(result.template) : ValidationError.of(result.problem.field, result.problem.message);
  }

  @Mutation(() => NotificationTemplateResult, { description: "Goes back to the built-in wording for one email (staff)." })
  async resetNotificationTemplate(
    @Arg("key", () => NotificationTemplateKey, { description: "Which email." }) key: NotificationTemplateKey,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof NotificationTemplateResult> {
    const { businessId } = requireStaff(ctx.caller, "write");
    return success(await resetTemplate(ctx.em, businessId, key));
  }
}
