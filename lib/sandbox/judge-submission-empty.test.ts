import { describe, expect, it } from "vitest";
import { EmptyTestListError, judgeSubmission } from "./judge-submission";

describe("judgeSubmission on no tests", () => {
  it("is an error, never a vacuous OK (issue 10.4)", async () => {
    await expect(judgeSubmission({ code: "print(1)", language: "python3", tests: [], mode: "all" })).rejects.toBeInstanceOf(
      EmptyTestListError,
    );
  });
});
