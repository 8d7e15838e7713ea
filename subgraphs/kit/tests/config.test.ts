import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readConfig } from "../src/index.js";

describe("readConfig", () => {
  const shape = {
    MAIL_TOKEN: z.string().min(1).optional(),
    HOST: z.string().default("0.0.0.0"),
    SECRET: z.string().min(32, "must be at least 32 characters"),
  };
  const secret = "s".repeat(32);

  it("takes an empty variable (NAME= in an env file) as unset: its default, or none", () => {
    expect(readConfig(shape, { MAIL_TOKEN: "", HOST: "", SECRET: secret })).toEqual({ HOST: "0.0.0.0", SECRET: secret });
    expect(readConfig(shape, { MAIL_TOKEN: "token", HOST: "127.0.0.1", SECRET: secret })).toEqual({
      MAIL_TOKEN: "token",
      HOST: "127.0.0.1",
      SECRET: secret,
    });
  });

  it("names every variable that is wrong or missing, an empty required one included", () => {
    expect(() => readConfig(shape, { SECRET: "" })).toThrow(/SECRET: /);
    expect(() => readConfig(shape, { SECRET: "short", MAIL_TOKEN: "" })).toThrow(/SECRET: must be at least 32 characters/);
  });
});
