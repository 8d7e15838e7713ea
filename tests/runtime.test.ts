import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { pinnedNodeVersion } from "../scripts/runtime.js";

describe("the runtime", () => {
  it("is the pinned Node.js 24 LTS in test workers and in the children npm start spawns", async () => {
    const pinned = pinnedNodeVersion();
    expect(pinned).toMatch(/^24\.\d+\.\d+$/);
    expect(process.versions.node).toBe(pinned);
    // The supervisor starts subgraphs with process.execPath; so does this.
    const { stdout } = await promisify(execFile)(process.execPath, ["-p", "process.versions.node"]);
    expect(stdout.trim()).toBe(pinned);
  });

  it("is refused with the way out when a script runs on another Node.js", async () => {
    const run = promisify(execFile)("/usr/bin/env", ["-i", `PATH=/usr/bin:/bin`, "node", "--import", "tsx", "scripts/start.ts"], {
      cwd: process.cwd(),
    });
    const systemNode = (
      await promisify(execFile)("/usr/bin/env", ["-i", "PATH=/usr/bin:/bin", "node", "-p", "process.versions.node"]).catch(() => null)
    )?.stdout.trim();
    if (!systemNode || systemNode === pinnedNodeVersion()) return run.catch(() => undefined); // nothing older to try here
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining(`runs on Node.js ${pinnedNodeVersion()}`) });
  });
});
