import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createBusiness, createContact, linkFromMailbox, type TestBusiness } from "./support/journeys.js";
import { type Platform, startPlatform } from "./support/platform.js";

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const CREATE = `mutation($input: WorkflowInput!) { createWorkflow(input: $input) {
  __typename ... on UserError { message } ... on WorkflowSuccess { workflow { id } } } }`;
const RUNS = `query($workflowId: ID, $contactId: ID) { workflowRuns(first: 20, workflowId: $workflowId, contactId: $contactId) {
  totalCount edges { node { id status reason contactId steps { actionType status reason } } } } }`;

/** A published course and a group of the business, for its workflows to grant. */
async function courseAndGroup(business: TestBusiness) {
  const course = await business.staff.data(
    `mutation { createCourse(input: { title: "Welcome course" }) { __typename ... on CourseSuccess { course { id } } } }`,
  );
  const courseId = course.createCourse.course.id as string;
  const module = await business.staff.data(
    `mutation($c: ID!) { createCourseModule(courseId: $c, input: { title: "Start" }) { ... on CourseModuleSuccess { module { id } } } }`,
    { c: courseId },
  );
  await business.staff.data(
    `mutation($m: ID!) { createCourseLesson(moduleId: $m, input: { title: "Hello", kind: TEXT, body: "Text" }) { __typename } }`,
    { m: module.createCourseModule.module.id },
  );
  await business.staff.data(`mutation($id: ID!) { publishCourse(id: $id) { __typename } }`, { id: courseId });
  const group = await business.staff.data(
    `mutation { createCommunityGroup(input: { name: "Members" }) { ... on CommunityGroupSuccess { group { id } } } }`,
  );
  return { courseId, groupId: group.createCommunityGroup.group.id as string };
}

/**
 * Workflows through the gateway with every section running: each action is carried out by the
 * section that owns it and its outcome comes back to the run; another business's course or group is
 * refused by its owner, and the run says so.
 */
describe("workflows through the gateway", () => {
  let platform: Platform;
  let a: TestBusiness;
  let b: TestBusiness;
  beforeAll(async () => {
    platform = await startPlatform(inject("databaseUrl" as never) as string);
    a = await createBusiness(platform, "Workflow Studio A");
    b = await createBusiness(platform, "Workflow Studio B");
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("a new contact is enrolled, added to and removed from a group and invited; another business's course and group fail", async () => {
    const own = await courseAndGroup(a);
    const foreign = await courseAndGroup(b);
    const welcome = await a.staff.data(CREATE, {
      input: {
        name: "Welcome",
        trigger: "CONTACT_CREATED",
        conditions: [],
        actions: [
          { type: "ENROL_IN_COURSE", courseId: own.courseId },
          { type: "ADD_TO_GROUP", groupId: own.groupId },
          { type: "REMOVE_FROM_GROUP", groupId: own.groupId },
          { type: "INVITE_TO_PORTAL" },
        ],
      },
    });
    expect(welcome.createWorkflow.__typename).toBe("WorkflowSuccess");
    const stolenCourse = await a.staff.data(CREATE, {
      input: {
        name: "B's course",
        trigger: "CONTACT_CREATED",
        conditions: [],
        actions: [{ type: "ENROL_IN_COURSE", courseId: foreign.courseId }],
      },
    });
    const stolenGroup = await a.staff.data(CREATE, {
      input: {
        name: "B's group",
        trigger: "CONTACT_CREATED",
        conditions: [],
        actions: [{ type: "ADD_TO_GROUP", groupId: foreign.groupId }],
      },
    });

    const since = Date.now() - 1000;
    const email = `newcomer@${a.slug}.test`;
    const contactId = await createContact(a.staff, { name: "Nia Newcomer", email });
    const runOf = async (workflowId: string, status: string) =>
      (
        await until(
          () => a.staff.data(RUNS, { workflowId, contactId }),
          (data) => data.workflowRuns.edges[0]?.node.status === status,
          `a ${status} run`,
        )
      ).workflowRuns.edges[0].node;

    const done = await runOf(welcome.createWorkflow.workflow.id, "DONE");
    expect(done.steps).toEqual([
      { actionType: "ENROL_IN_COURSE", status: "DONE", reason: null },
      { actionType: "ADD_TO_GROUP", status: "DONE", reason: null },
      { actionType: "REMOVE_FROM_GROUP", status: "DONE", reason: null },
      { actionType: "INVITE_TO_PORTAL", status: "DONE", reason: null },
    ]);
    const enrolled = await a.staff.data(`query($id: ID!) { course(id: $id) { enrolments(first: 10) { edges { node { contactId } } } } }`, {
      id: own.courseId,
    });
    expect(enrolled.course.enrolments.edges.map((edge: any) => edge.node.contactId)).toEqual([contactId]);
    const members = await a.staff.data(`query($id: ID!) { communityGroup(id: $id) { members(first: 10) { totalCount } } }`, {
      id: own.groupId,
    });
    expect(members.communityGroup.members.totalCount).toBe(0); // added, then removed
    expect(await linkFromMailbox(a.staff, email, since, 30_000)).toContain("/auth/confirm");

    const course = await runOf(stolenCourse.createWorkflow.workflow.id, "FAILED");
    expect(course.steps).toEqual([{ actionType: "ENROL_IN_COURSE", status: "FAILED", reason: "No such course in this business" }]);
    expect(course.reason).toBe("Step 1 failed: No such course in this business");
    const group = await runOf(stolenGroup.createWorkflow.workflow.id, "FAILED");
    expect(group.steps).toEqual([{ actionType: "ADD_TO_GROUP", status: "FAILED", reason: "No such group in this business" }]);
    const theirCourse = await b.staff.data(`query($id: ID!) { course(id: $id) { enrolments(first: 10) { totalCount } } }`, {
      id: foreign.courseId,
    });
    expect(theirCourse.course.enrolments.totalCount).toBe(0);

    // B's staff see none of A's workflows or runs, and cannot re-run them.
    const theirs = await b.staff.data(`{ workflows(first: 50) { edges { node { id } } } workflowRuns(first: 50) { totalCount } }`);
    expect(theirs.workflows.edges.map((edge: any) => edge.node.id)).not.toContain(welcome.createWorkflow.workflow.id);
    expect(theirs.workflowRuns.totalCount).toBe(0);
    const rerun = await b.staff.data(`mutation($id: ID!) { rerunWorkflowRun(id: $id) { __typename } }`, { id: course.id });
    expect(rerun.rerunWorkflowRun.__typename).toBe("NotFoundError");
  }, 180_000);
});
