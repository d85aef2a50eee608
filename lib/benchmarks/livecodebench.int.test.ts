import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { judgeSubmission } from "../sandbox/judge-submission";
import { ProblemFileError } from "../problems/problem-file-error";
import { readBenchmarkFile, detectBenchmarkFormat } from "./read-benchmark-file";

/**
 * LiveCodeBench code_generation_lite rows: our own fixtures in the published shape (no real row was
 * reachable). Private tests come as base64(zlib(pickle(json string))), as lcb_runner writes them.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rlef-lcb-"));

/** pickle protocol 0 of a str (`V` + raw-unicode-escape + STOP), what pickle.dumps(s, 0) writes minus the memo. */
function pickleString(text: string): Buffer {
  const escaped = text.replace(/\\/g, "\\u005c").replace(/\n/g, "\\u000a");
  return Buffer.from(`V${escaped}\n.`, "latin1");
}
const encode = (pickle: Buffer) => deflateSync(pickle).toString("base64");

function row(over: Record<string, unknown>) {
  return {
    question_title: "Count Seniors",
    question_content: "Count the passengers older than 60.",
    platform: "leetcode",
    question_id: "2727",
    contest_id: "weekly-contest-1",
    contest_date: "2023-05-13T00:00:00",
    starter_code: "class Solution:\n    def countSeniors(self, details: List[str]) -> int:\n        ",
    difficulty: "easy",
    public_test_cases: "[]",
    private_test_cases: "[]",
    metadata: "{}",
    ...over,
  };
}

describe("LiveCodeBench code_generation_lite", () => {
  it("imports stdin and functional problems; pickled private tests are decoded in the sandbox; the functional call is judged", async () => {
    const functionalTests = [{ input: '["7868190130M7522", "5303914400F9211"]', output: "2", testtype: "functional" }];
    const privateFunctional = [{ input: '["1313579440F2036"]', output: "0", testtype: "functional" }];
    const stdinTests = [{ input: "3\n1 2 3\n", output: "6\n", testtype: "stdin" }];
    const file = path.join(dir, "lcb.jsonl");
    fs.writeFileSync(
      file,
      [
        row({
          public_test_cases: JSON.stringify(functionalTests),
          private_test_cases: encode(pickleString(JSON.stringify(privateFunctional))),
          metadata: '{"func_name": "countSeniors"}',
        }),
        row({
          question_id: "abc301_a",
          platform: "atcoder",
          starter_code: "",
          question_title: "Sum",
          public_test_cases: JSON.stringify(stdinTests),
          private_test_cases: JSON.stringify(stdinTests),
        }),
        row({
          question_id: "mixed",
          public_test_cases: JSON.stringify([...functionalTests, ...stdinTests]),
          metadata: '{"func_name": "countSeniors"}',
        }),
      ]
        .map((r) => JSON.stringify(r))
        .join("\n"),
    );
    expect(await detectBenchmarkFormat(file)).toBe("livecodebench");
    const [functional, stdin, mixed] = (await readBenchmarkFile(file, "livecodebench")).map((p) => p.record);
    expect(functional.privateTests).toHaveLength(1);
    expect(functional.tags).toContain("func_name:countSeniors");
    expect(stdin.publicTests).toEqual([{ input: "3\n1 2 3\n", output: "6\n" }]);
    expect(mixed.tags).toContain("needs-special-checker");

    const solution =
      "from typing import List\nclass Solution:\n    def countSeniors(self, details: List[str]) -> int:\n        return sum(int(d[11:13]) > 60 for d in details)\n";
    const judged = await judgeSubmission({
      code: solution,
      language: "python3",
      tests: [...functional.publicTests, ...functional.privateTests],
      mode: "all",
    });
    expect(judged.tests.map((t) => t.verdict)).toEqual(["OK", "OK"]);
    const wrong = await judgeSubmission({
      code: solution.replace("return sum(", "return -1 + 0 * sum("),
      language: "python3",
      tests: functional.publicTests,
      mode: "all",
    });
    expect(wrong.tests[0].verdict).toBe("WRONG_ANSWER");
    expect(wrong.tests[0].stdoutHead).toContain('"message": "-1 != 2"');
  }, 300_000);

  it("a malicious pickle in private_test_cases runs only inside the sandbox: nothing reaches the host, the import is refused", async () => {
    const marker = path.join(os.tmpdir(), `rlef-pwned-${process.pid}-${Date.now()}`);
    // pickle protocol 0: builtins.exec("<code>") — what unpickling a hostile private_test_cases would run
    const payload = `import os\nopen(${JSON.stringify(marker)}, "w").write(os.environ.get("DATABASE_URL", "none"))`;
    const evil = Buffer.from(`c__builtin__\nexec\n(V${payload.replace(/\\/g, "\\u005c").replace(/\n/g, "\\u000a")}\ntR.`, "latin1");
    const file = path.join(dir, "evil.jsonl");
    fs.writeFileSync(file, `${JSON.stringify(row({ public_test_cases: "[]", private_test_cases: encode(evil) }))}\n`);
    const error = await readBenchmarkFile(file, "livecodebench").catch((e) => e);
    expect(error).toBeInstanceOf(ProblemFileError);
    expect(error.message).toMatch(
      /evil\.jsonl line 1, field private_test_cases: could not be decoded in the sandbox: .*did not unpickle to a JSON string but to NoneType/s,
    );
    // the payload ran (exec returned None), but in the sandbox's private /tmp: the host file does not exist
    expect(fs.existsSync(marker)).toBe(false);
  }, 120_000);
});
