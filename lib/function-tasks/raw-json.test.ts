import { describe, expect, it } from "vitest";
import { rawArrayElements, RawJsonError, topLevelFields } from "./raw-json";

describe("raw JSON scanning (EvalPlus inputs kept exact)", () => {
  it("keeps big integers and bare Infinity tokens as written", () => {
    const line = '{"task_id": "Mbpp/404", "base_input": [[123456789012345678901234567890, -Infinity], ["a]b\\"", {"k": [1]}]], "atol": 0}';
    const fields = topLevelFields(line);
    expect([...fields.keys()]).toEqual(["task_id", "base_input", "atol"]);
    expect(rawArrayElements(fields.get("base_input")!, "base_input")).toEqual([
      "[123456789012345678901234567890, -Infinity]",
      '["a]b\\"", {"k": [1]}]',
    ]);
    expect(rawArrayElements("[]", "x")).toEqual([]);
  });

  it("names the field of malformed input", () => {
    expect(() => rawArrayElements("[1, 2", "plus_input")).toThrow(RawJsonError);
    expect(() => topLevelFields('{"a": 1 "b": 2}')).toThrow(/after the value/);
    expect(() => topLevelFields("[1]")).toThrow(/JSON object/);
  });
});
