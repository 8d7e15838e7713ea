import { describe, expect, it } from "vitest";
import { dropLesson, moveItem } from "./reorder";

describe("reordering modules and lessons", () => {
  it("moves an item up or down, within the list", () => {
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 2, 9)).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 5, 0)).toEqual(["a", "b", "c"]);
  });

  it("drops a lesson into a module at a place, from the same module or another", () => {
    expect(dropLesson(["a", "b", "c"], "c", 0)).toEqual(["c", "a", "b"]);
    expect(dropLesson(["a", "b"], "x", 1)).toEqual(["a", "x", "b"]);
    expect(dropLesson(["a", "b"], "x", 10)).toEqual(["a", "b", "x"]);
    expect(dropLesson([], "x", 0)).toEqual(["x"]);
  });
});
