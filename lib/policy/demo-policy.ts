import type { Policy, PolicyCallContext, PolicyReply } from "./types";

export interface DemoSolutions {
  reference: string[];
  wrong: string[];
}

type Scenario = "solve-first" | "fix-after-feedback" | "no-code-first" | "resubmit-same" | "stuck";

// Shares of rollouts per scenario: enough of each for every chart and filter to show something.
const SCENARIOS: [Scenario, number][] = [
  ["solve-first", 0.35],
  ["fix-after-feedback", 0.25],
  ["no-code-first", 0.1],
  ["resubmit-same", 0.1],
  ["stuck", 0.2],
];

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A uniform number in [0, 1) fixed by the key, so a rerun of a run reproduces every reply. */
function unit(key: string): number {
  return hash(key) / 2 ** 32;
}

function pick<T>(items: T[], key: string): T {
  return items[Math.floor(unit(key) * items.length)];
}

function scenarioFor(key: string): Scenario {
  let u = unit(`${key}:scenario`);
  for (const [scenario, share] of SCENARIOS) {
    if (u < share) return scenario;
    u -= share;
  }
  return "stuck";
}

const OPENERS = [
  "Here is a solution that reads the input and prints the answer.",
  "We can solve this directly. The program below follows the statement step by step.",
  "Let me fix that. The updated program handles the failing case.",
  "Thanks for the feedback. Here is a corrected version.",
];

function withCode(code: string, key: string): string {
  return `${pick(OPENERS, key)}\n\n\`\`\`python\n${code.trimEnd()}\n\`\`\`\n\nIt runs in time for the given limits.`;
}

/**
 * A reply that continues a prefilled response (HumanEval+: "```python\n" + the function prompt): the rest
 * of the solution when it starts with the prefilled code, else the fence closed and a block of its own.
 */
function continueFrom(prefix: string, code: string | null, prose: string): string {
  const prefilled = prefix.replace(/^```python\n/, "");
  // the prefilled fence left open: no code block, as a reply without code
  if (code === null) return `\n${prose}\n`;
  if (code.startsWith(prefilled)) return `${code.slice(prefilled.length).trimEnd()}\n\`\`\`\n`;
  return `\n    pass\n\`\`\`\n\nHere is the whole program instead.\n\n\`\`\`python\n${code.trimEnd()}\n\`\`\`\n`;
}

/**
 * The built-in demo policy: no model, its replies are the dataset's own
 * reference and wrong solutions arranged into typical multi-turn behaviours
 * (fixing after feedback, a reply without code, an identical resubmission).
 * It exists so the loop, the dashboard and the tests run offline, and it is
 * labelled everywhere as not being a model.
 */
export function createDemoPolicy(opts: {
  seed: number;
  solutionsOf: (problemId: string) => DemoSolutions;
  /** a stable name for the problem (its external id), so the same run on another database replays the same replies */
  stableKeyOf?: (problemId: string) => string;
}): Policy {
  return {
    label: "demo policy (dataset solutions, not a model)",
    isModel: false,
    async complete(_messages, ctx: PolicyCallContext): Promise<PolicyReply> {
      ctx.signal?.throwIfAborted();
      const { reference, wrong } = opts.solutionsOf(ctx.problemId);
      const key = `${opts.seed}:${opts.stableKeyOf?.(ctx.problemId) ?? ctx.problemId}:${ctx.sampleIndex}`;
      const scenario = wrong.length === 0 && scenarioFor(key) !== "no-code-first" ? "solve-first" : scenarioFor(key);
      const right = reference.length ? pick(reference, `${key}:ref`) : null;
      const wrongAt = (turn: number) =>
        wrong.length ? wrong[(Math.floor(unit(`${key}:wrong`) * wrong.length) + turn) % wrong.length] : null;
      const t = ctx.turnIndex;
      let code: string | null;
      switch (scenario) {
        case "solve-first":
          code = right;
          break;
        case "fix-after-feedback":
          code = t === 0 ? wrongAt(0) : right;
          break;
        case "no-code-first":
          code = t === 0 ? null : unit(`${key}:nc`) < 0.6 ? right : wrongAt(t);
          break;
        case "resubmit-same":
          code = t <= 1 ? wrongAt(0) : right;
          break;
        case "stuck":
          code = wrongAt(t);
          break;
      }
      const prose =
        "I think the answer follows from the observation in the statement: sort the values and compare neighbours. Let me know if you want the code.";
      if (ctx.responsePrefix !== undefined)
        return { content: continueFrom(ctx.responsePrefix, code, prose), latencyMs: 0, finishReason: "stop" };
      const content = code === null ? prose : withCode(code, `${key}:${t}`);
      return { content, latencyMs: 0, finishReason: "stop" };
    },
  };
}
