import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { CookieJar } from "@/lib/actions/cookie-jar";
import { createUserWithSession } from "@/lib/actions/testing/action-fixtures";
import { disconnectPrisma, getPrisma } from "@/lib/db/client";
import { NEEDS_CHECKER_TAG } from "@/lib/problems/problem-record";
import { selectRunProblems } from "@/lib/runs/select-run-problems";

// The route reads the session through next/headers, which exists only inside a Next request: stand in
// the signed-in admin's cookie jar, everything else (query parsing, streamed body, import) is the route's.
const session: { jar: CookieJar | null } = { jar: null };
vi.mock("@/lib/actions/next-cookie-jar", () => ({
  nextCookieJar: async () => session.jar,
  nextClientAddress: async () => undefined,
}));
const { POST } = await import("./route");

afterAll(async () => {
  await disconnectPrisma();
});

const io = (value: object) => JSON.stringify(value);
/** codecontests-style APPS rows (codeparrot/apps' fields; our own problems, no real row was reachable) */
const APPS_ROWS = [
  {
    problem_id: 10,
    question: "Print the sum of two integers.",
    solutions: JSON.stringify(["a, b = map(int, input().split())\nprint(a + b)\n"]),
    input_output: io({ inputs: ["1 2\n", "10 -3\n", "0 0\n"], outputs: ["3\n", "7\n", "0\n"] }),
    difficulty: "introductory",
    url: "https://codeforces.com/problemset/problem/10/A",
    starter_code: "",
  },
  {
    problem_id: 11,
    question: "Return the list reversed.",
    solutions: JSON.stringify(["def rev(xs):\n    return xs[::-1]\n"]),
    input_output: io({ fn_name: "rev", inputs: [[[1, 2, 3]], [[]]], outputs: [[[3, 2, 1]], [[]]] }),
    difficulty: "interview",
    url: "https://www.codewars.com/kata/rev",
    starter_code: "def rev(xs):\n\t",
  },
  // several right answers and no checker for them here: imported, marked, kept out of runs
  {
    problem_id: 12,
    question: "Print any permutation of 1..n. If there are multiple answers, print any of them.",
    solutions: JSON.stringify(["n = int(input())\nprint(*range(1, n + 1))\n"]),
    input_output: io({ inputs: ["3\n"], outputs: ["1 2 3\n"] }),
    difficulty: "interview",
    url: "https://codeforces.com/problemset/problem/12/B",
    starter_code: "",
  },
];

function upload(query: Record<string, string>, body: string): Request {
  return new Request(`http://127.0.0.1/api/datasets/upload?${new URLSearchParams(query)}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/octet-stream", "content-length": String(Buffer.byteLength(body)) },
  });
}

describe("POST /api/datasets/upload with a benchmark file (the datasets page's import)", () => {
  it("an APPS file chosen as `apps`: problems land with their tests; the one needing a checker is marked, counted and kept out of runs", async () => {
    const db = getPrisma();
    const admin = await createUserWithSession(db, "ADMIN");
    session.jar = admin.cookies();
    const dataset = `apps-upload-${randomUUID().slice(0, 8)}`;
    const body = APPS_ROWS.map((r) => JSON.stringify(r)).join("\n") + "\n";
    const response = await POST(upload({ dataset, split: "test", format: "apps", fileName: "apps-test.jsonl" }, body));
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result).toMatchObject({
      ok: true,
      data: {
        created: 3,
        alreadyImported: false,
        uploadedBytes: Buffer.byteLength(body),
        benchmark: { format: "apps", needsChecker: ["12"] },
      },
    });
    // the judge audit ran on the two judgeable problems, and both references pass every test
    expect(result.data.benchmark.audit).toMatchObject({ problems: 2, withReference: 2, passed: 2, failures: [] });

    const problems = await db.problem.findMany({ where: { dataset: { name: dataset } }, orderBy: { externalId: "asc" } });
    expect(problems.map((p) => [p.externalId, p.publicTestCount, p.privateTestCount])).toEqual([
      ["10", 1, 3],
      ["11", 1, 2],
      ["12", 1, 1],
    ]);
    expect(problems[0].privateTests).toEqual([
      { input: "1 2\n", output: "3\n" },
      { input: "10 -3\n", output: "7\n" },
      { input: "0 0\n", output: "0\n" },
    ]);
    expect(problems[1].tags).toContain("fn_name:rev");
    expect(problems.filter((p) => p.tags.includes(NEEDS_CHECKER_TAG)).map((p) => p.externalId)).toEqual(["12"]);
    const played = await selectRunProblems(db, { datasetId: problems[0].datasetId, split: "test" });
    expect(played.map((p) => p.externalId)).toEqual(["10", "11"]);
  }, 300_000);

  it("a TACO row under `auto` is detected as taco; a format the importer does not know is refused before anything is read", async () => {
    const db = getPrisma();
    const admin = await createUserWithSession(db, "ADMIN");
    session.jar = admin.cookies();
    const dataset = `taco-upload-${randomUUID().slice(0, 8)}`;
    const row = {
      question: "Given N, print N squared.",
      solutions: JSON.stringify(["print(int(input()) ** 2)\n"]),
      starter_code: "",
      input_output: io({ inputs: ["3\n", "12\n"], outputs: ["9\n", "144\n"] }),
      difficulty: "EASY",
      source: "atcoder",
      url: "https://atcoder.jp/contests/abc000/tasks/abc000_a",
    };
    const response = await POST(upload({ dataset, split: "train", fileName: "taco.jsonl" }, JSON.stringify(row) + "\n"));
    const result = await response.json();
    expect(result).toMatchObject({ ok: true, data: { created: 1, benchmark: { format: "taco", needsChecker: [] } } });
    const [problem] = await db.problem.findMany({ where: { dataset: { name: dataset } } });
    expect(problem).toMatchObject({ split: "train", publicTestCount: 1, privateTestCount: 2 });
    expect(problem.tags).toContain("source:atcoder");

    const refused = await POST(upload({ dataset, split: "train", format: "humaneval-x", fileName: "taco.jsonl" }, "{}\n"));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: "INVALID_INPUT", fieldErrors: { format: [expect.any(String)] } } });
  }, 300_000);
});
