import { ConnectionType, Multiline, NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { TriggerFieldType, WorkflowTrigger } from "./triggers.js";

export enum WorkflowConditionOperator {
  EQUALS = "EQUALS",
  NOT_EQUALS = "NOT_EQUALS",
  GREATER_THAN = "GREATER_THAN",
  LESS_THAN = "LESS_THAN",
  CONTAINS = "CONTAINS",
}

export enum WorkflowActionType {
  INVITE_TO_PORTAL = "INVITE_TO_PORTAL",
  ENROL_IN_COURSE = "ENROL_IN_COURSE",
  ADD_TO_GROUP = "ADD_TO_GROUP",
  REMOVE_FROM_GROUP = "REMOVE_FROM_GROUP",
  MAKE_AFFILIATE = "MAKE_AFFILIATE",
  GRANT_OFFER_ACCESS = "GRANT_OFFER_ACCESS",
  SEND_EMAIL = "SEND_EMAIL",
  WAIT = "WAIT",
}

export enum WorkflowWaitUnit {
  MINUTES = "MINUTES",
  HOURS = "HOURS",
  DAYS = "DAYS",
}

registerEnumType(WorkflowTrigger, {
  name: "WorkflowTrigger",
  description: "The event that starts a workflow.",
  valuesConfig: {
    CONTACT_CREATED: { description: "A contact was created." },
    INVOICE_SENT: { description: "Staff sent an invoice to a contact." },
    INVOICE_PAID: { description: "An invoice was paid in full." },
    DOCUMENT_SENT: { description: "Staff sent a document for signature (one run per contact recipient)." },
    DOCUMENT_COMPLETED: { description: "Everyone signed a document (one run per contact party)." },
    ORDER_PAID: { description: "A buyer paid an offer on its order page." },
    COURSE_ACCESS_GRANTED: { description: "A contact was enrolled in a course." },
    COURSE_COMPLETED: { description: "A student completed a course." },
    APPOINTMENT_BOOKED: { description: "An appointment was booked." },
    ADDED_TO_GROUP: { description: "A contact joined a community group." },
    BECAME_AFFILIATE: { description: "A contact became an affiliate." },
  },
});
registerEnumType(TriggerFieldType, { name: "WorkflowFieldType", description: "How a trigger's field is compared." });
registerEnumType(WorkflowConditionOperator, {
  name: "WorkflowConditionOperator",
  description: "How a condition compares the trigger's field with its value (text compares ignore case).",
});
registerEnumType(WorkflowActionType, {
  name: "WorkflowActionType",
  description: "What a workflow's step does.",
  valuesConfig: {
    INVITE_TO_PORTAL: { description: "Invite the contact to the portal (skipped when invited, active or revoked)." },
    ENROL_IN_COURSE: { description: "Enrol the contact in `courseId`." },
    ADD_TO_GROUP: { description: "Add the contact to the community group `groupId`." },
    REMOVE_FROM_GROUP: { description: "Remove the contact from the community group `groupId`." },
    MAKE_AFFILIATE: { description: "Make the contact an affiliate." },
    GRANT_OFFER_ACCESS: { description: "Order paid only: enrol in each course and add to each group the offer includes." },
    SEND_EMAIL: { description: "Email the contact `subject` and `body` (placeholders filled in; Do Not Disturb respected)." },
    WAIT: { description: "Wait `amount` `unit` before the next step (survives restarts)." },
  },
});
registerEnumType(WorkflowWaitUnit, { name: "WorkflowWaitUnit", description: "Unit of a wait." });

@ObjectType("WorkflowCondition", {
  description: "A test on one of the trigger's fields; every condition must hold for the workflow to run.",
})
export class WorkflowConditionView {
  @Field(() => String, { description: "The trigger's field (see `workflowTriggers`), e.g. `total` or `contactHasPortalAccess`." })
  field!: string;
  @Field(() => WorkflowConditionOperator, { description: "How it is compared." })
  operator!: WorkflowConditionOperator;
  @Field(() => String, { description: "The value compared with (a number, `true`/`false`, an id or text)." })
  value!: string;
}

@ObjectType("WorkflowAction", { description: "One step of a workflow; only the fields its type uses are set." })
export class WorkflowActionView {
  @Field(() => WorkflowActionType, { description: "What the step does." })
  type!: WorkflowActionType;
  @Field(() => ID, { nullable: true, description: "The course (ENROL_IN_COURSE)." })
  courseId!: string | null;
  @Field(() => ID, { nullable: true, description: "The community group (ADD_TO_GROUP, REMOVE_FROM_GROUP)." })
  groupId!: string | null;
  @Field(() => String, { nullable: true, description: "The email's subject, with placeholders (SEND_EMAIL)." })
  subject!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The email's body, paragraphs split by blank lines, with placeholders (SEND_EMAIL).",
  })
  body!: string | null;
  @Field(() => Int, { nullable: true, description: "How many units to wait (WAIT)." })
  amount!: number | null;
  @Field(() => WorkflowWaitUnit, { nullable: true, description: "The unit of the wait (WAIT)." })
  unit!: WorkflowWaitUnit | null;
}

@ObjectType("Workflow", {
  description: "A business's automation: when the trigger happens and the conditions hold, the actions run in order.",
})
export class WorkflowView {
  @Field(() => ID, { description: "Workflow id." })
  id!: string;
  @Field(() => String, { description: "Name, 1–200 characters." })
  name!: string;
  @Field(() => Boolean, { description: "Off: the trigger starts nothing." })
  enabled!: boolean;
  @Field(() => WorkflowTrigger, { description: "What starts it." })
  trigger!: WorkflowTrigger;
  @Field(() => [WorkflowConditionView], { description: "Conditions on the trigger, all of which must hold." })
  conditions!: WorkflowConditionView[];
  @Field(() => [WorkflowActionView], { description: "The steps, in order." })
  actions!: WorkflowActionView[];
  @Field(() => Boolean, { description: "One of the workflows every business gets (editable like any other)." })
  isDefault!: boolean;
  @Field(() => GraphQLISODateTime, { description: "When it was created." })
  createdAt!: Date;
  @Field(() => GraphQLISODateTime, { description: "When it was last changed." })
  updatedAt!: Date;
}

export const WorkflowConnection = ConnectionType(WorkflowView, "Workflow");

@InputType({ description: "A condition on the trigger's field." })
export class WorkflowConditionInput {
  @Field(() => String, { description: "The trigger's field name (see `workflowTriggers`)." })
  field!: string;
  @Field(() => WorkflowConditionOperator, { description: "How it is compared." })
  operator!: WorkflowConditionOperator;
  @Field(() => String, { description: "The value compared with, at most 500 characters." })
  value!: string;
}

@InputType({ description: "One step; give the fields its type needs." })
export class WorkflowActionInput {
  @Field(() => WorkflowActionType, { description: "What the step does." })
  type!: WorkflowActionType;
  @Field(() => ID, { nullable: true, description: "ENROL_IN_COURSE: the course." })
  courseId?: string | null;
  @Field(() => ID, { nullable: true, description: "ADD_TO_GROUP / REMOVE_FROM_GROUP: the group." })
  groupId?: string | null;
  @Field(() => String, { nullable: true, description: "SEND_EMAIL: subject, 1–200 characters, placeholders as `{{contact.firstName}}`." })
  subject?: string | null;
  @Field(() => String, { nullable: true, description: "SEND_EMAIL: body, 1–10000 characters, placeholders as `{{trigger.total}}`." })
  @Multiline()
  body?: string | null;
  @Field(() => Int, { nullable: true, description: "WAIT: how many units, 1–365." })
  amount?: number | null;
  @Field(() => WorkflowWaitUnit, { nullable: true, description: "WAIT: the unit." })
  unit?: WorkflowWaitUnit | null;
}

@InputType({ description: "A workflow's whole definition (every field is replaced)." })
export class WorkflowInput {
  @Field(() => String, { description: "Name, 1–200 characters." })
  name!: string;
  @Field(() => Boolean, { nullable: true, description: "On or off (default on)." })
  enabled?: boolean | null;
  @Field(() => WorkflowTrigger, { description: "What starts it." })
  trigger!: WorkflowTrigger;
  @Field(() => [WorkflowConditionInput], { description: "Conditions, at most 20 (none: always)." })
  conditions!: WorkflowConditionInput[];
  @Field(() => [WorkflowActionInput], { description: "Steps in order, 1–20." })
  actions!: WorkflowActionInput[];
}

@ObjectType({ description: "The workflow after the change." })
export class WorkflowSuccess {
  @Field(() => WorkflowView, { description: "The workflow." })
  workflow!: WorkflowView;
}

export const WorkflowResult = createUnionType({
  name: "WorkflowResult",
  description: "Outcome of creating or changing a workflow.",
  types: () => [WorkflowSuccess, ValidationError, NotFoundError] as const,
});

@ObjectType({ description: "The workflow was deleted (its runs stay in the execution log)." })
export class DeleteWorkflowSuccess {
  @Field(() => ID, { description: "Id of the deleted workflow." })
  id!: string;
}

export const DeleteWorkflowResult = createUnionType({
  name: "DeleteWorkflowResult",
  description: "Outcome of deleting a workflow.",
  types: () => [DeleteWorkflowSuccess, NotFoundError] as const,
});

@ObjectType("WorkflowTriggerField", { description: "A field of a trigger that conditions can test." })
export class WorkflowTriggerFieldView {
  @Field(() => String, { description: "Its name in conditions, and in emails as `{{trigger.<name>}}`." })
  name!: string;
  @Field(() => TriggerFieldType, { description: "How it is compared." })
  type!: TriggerFieldType;
  @Field(() => String, { description: "What staff read." })
  label!: string;
  @Field(() => [WorkflowConditionOperator], { description: "Operators that apply to it." })
  operators!: WorkflowConditionOperator[];
}

@ObjectType("WorkflowTriggerInfo", { description: "A trigger staff can choose, with what conditions and emails can use." })
export class WorkflowTriggerInfoView {
  @Field(() => WorkflowTrigger, { description: "The trigger." })
  trigger!: WorkflowTrigger;
  @Field(() => String, { description: "What staff read." })
  label!: string;
  @Field(() => [WorkflowTriggerFieldView], { description: "Fields conditions can test." })
  fields!: WorkflowTriggerFieldView[];
  @Field(() => [String], { description: "Placeholders a SEND_EMAIL action can use, e.g. `contact.firstName`." })
  placeholders!: string[];
}
