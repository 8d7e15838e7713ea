import { graphql, type GraphQLSchema } from "graphql";
import { Arg, Field, ID, InputType, Mutation, Query, Resolver } from "type-graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFederatedSchema, Multiline, MultilineArgs } from "../src/index.js";

@InputType({ description: "A line." })
class LineInput {
  @Field(() => String, { description: "One line of text." })
  label!: string;
  @Field(() => String, { nullable: true, description: "Paragraphs." })
  @Multiline()
  note?: string | null;
  @Field(() => [LineInput], { nullable: true, description: "Nested lines (the type contains itself)." })
  children?: LineInput[] | null;
}

const calls: string[] = [];

@Resolver()
class GuardedResolver {
  @Query(() => String, { description: "Echo." })
  echo(@Arg("id", () => ID) id: string): string {
    calls.push(`echo:${id}`);
    return id;
  }

  @Mutation(() => Number, { description: "Saves lines." })
  save(@Arg("lines", () => [LineInput]) lines: LineInput[]): number {
    calls.push("save");
    return lines.length;
  }

  @Mutation(() => String, { description: "A reason of several lines." })
  @MultilineArgs("reason")
  close(@Arg("reason", () => String) reason: string, @Arg("code", () => String) code: string): string {
    calls.push("close");
    return `${code}:${reason}`;
  }
}

describe("control characters in text arguments (kit)", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildFederatedSchema({ resolvers: [GuardedResolver] });
  });
  const run = (source: string, variableValues: Record<string, unknown>) => graphql({ schema, source, variableValues, contextValue: {} });

  it("names the path of the offending value, nested in lists of inputs, and never calls the resolver", async () => {
    calls.length = 0;
    const lines = [{ label: "ok" }, { label: "ok", children: [{ label: "ok" }, { label: "bad\u0000" }] }];
    const result = await run(`mutation($lines: [LineInput!]!) { save(lines: $lines) }`, { lines });
    expect(result.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "lines.1.children.1.label" });
    expect(calls).toEqual([]);
  });

  it("lets tab, newline and carriage return through only where multi-line; C0 and DEL nowhere", async () => {
    const save = (line: Record<string, unknown>) => run(`mutation($lines: [LineInput!]!) { save(lines: $lines) }`, { lines: [line] });
    expect((await save({ label: "a\tb" })).errors?.[0]?.extensions?.field).toBe("lines.0.label");
    expect((await save({ label: "a", note: "one\r\ntwo\tthree" })).data).toEqual({ save: 1 });
    expect((await save({ label: "a", note: "bell\u0007" })).errors?.[0]?.extensions?.field).toBe("lines.0.note");
    expect((await save({ label: "del\u007f" })).errors?.[0]?.extensions?.field).toBe("lines.0.label");
    expect((await save({ label: "Zoë – “quoted” ✓" })).data).toEqual({ save: 1 });

    const close = (reason: string, code: string) =>
      run(`mutation($reason: String!, $code: String!) { close(reason: $reason, code: $code) }`, { reason, code });
    expect((await close("first\nsecond", "A1")).data).toEqual({ close: "A1:first\nsecond" });
    expect((await close("fine", "A\n1")).errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "code" });
  });

  it("checks ID arguments and literal values written in the query too", async () => {
    expect((await run(`query($id: ID!) { echo(id: $id) }`, { id: "x\u0000" })).errors?.[0]?.extensions?.field).toBe("id");
    expect((await run(`{ echo(id: "x\\u0001") }`, {})).errors?.[0]?.extensions?.field).toBe("id");
    expect((await run(`{ echo(id: "plain") }`, {})).data).toEqual({ echo: "plain" });
  });
});
