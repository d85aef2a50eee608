import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ProblemFileError } from "../problems/problem-file-error";
import { auditReferenceSolutions } from "./judge-audit";
import { detectBenchmarkFormat, readBenchmarkFile } from "./read-benchmark-file";

/** The original HumanEval / MBPP (full, sanitized) and EvalPlus' -OriginFmt files: small slices of the real files. */
const DATASETS = process.env.RLEF_SHARED_DATASETS ?? "/work/shared/datasets";
const have = fs.existsSync(path.join(DATASETS, "mbpp/mbpp.jsonl"));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rlef-originals-"));
const read = (rel: string) => {
  const bytes = fs.readFileSync(path.join(DATASETS, rel));
  return (rel.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
};
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
const lines = (rel: string) =>
  read(rel)
    .split("\n")
    .filter((l) => l.trim() !== "");

describe.skipIf(!have)("original HumanEval / MBPP and -OriginFmt files", () => {
  it("detects each format and every reference passes its asserts and its whole-harness score test; wrong variants fail", async () => {
    const mbpp = lines("mbpp/mbpp.jsonl");
    const files = {
      humaneval: write("HumanEval.jsonl", lines("humaneval/HumanEval.jsonl.gz").slice(0, 3).join("\n")),
      // rows 367 and 927 carry test_setup_code; full MBPP's code has CRLF line ends
      mbpp: write("mbpp.jsonl", [mbpp[0], ...mbpp.filter((l) => /"task_id": (367|927),/.test(l))].join("\n")),
      "mbpp-sanitized": write(
        "sanitized-mbpp.json",
        JSON.stringify((JSON.parse(read("mbpp/sanitized-mbpp.json")) as unknown[]).slice(0, 3)),
      ),
      "mbppplus-originfmt": write("MbppPlus-OriginFmt.jsonl", lines("evalplus/MbppPlus-OriginFmt.jsonl.gz").slice(0, 2).join("\n")),
      originfmt: write("HumanEvalPlus-OriginFmt.jsonl", lines("evalplus/HumanEvalPlus-OriginFmt.jsonl.gz").slice(0, 1).join("\n")),
    };
    for (const [expected, file] of Object.entries(files)) {
      const format = await detectBenchmarkFormat(file);
      expect(format).toBe(expected === "originfmt" ? "humaneval" : expected);
      const problems = await readBenchmarkFile(file, format!);
      const report = await auditReferenceSolutions(problems.map((p) => p.record));
      expect(report.failures, file).toEqual([]);
      expect(report.passed).toBe(problems.length);
      expect(report.wrongPassed).toEqual([]);
      if (expected === "mbpp") {
        const tree = problems.find((p) => p.record.externalId === "Mbpp/367")!.record;
        expect(tree.publicTests).toHaveLength(3);
        expect(tree.referenceSolutions[0].code).not.toContain("\r");
      }
      if (expected === "humaneval") expect(problems[0].record.privateTests).toHaveLength(1);
    }
  }, 900_000);

  it("a sanitized-MBPP element with a bad field is named by its row", async () => {
    const items = (JSON.parse(read("mbpp/sanitized-mbpp.json")) as Record<string, unknown>[]).slice(0, 2);
    items[1] = { ...items[1], test_list: "assert f(1) == 1" };
    const file = write("bad-sanitized.json", JSON.stringify(items));
    const error = await readBenchmarkFile(file, "mbpp-sanitized").catch((e) => e);
    expect(error).toBeInstanceOf(ProblemFileError);
    expect(error.message).toMatch(/bad-sanitized\.json row 2 \(index 1\), field test_list: /);
  });
});
