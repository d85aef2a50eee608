// The paper's evaluation protocols (RLEF-PAPER.md §3 "Evaluation sampling", §5), defined once: the CLI's
// `--protocol`, the launch form's select and the run-config check all read this list. A run that names a
// protocol stores it in its config, and createEvalRun refuses a config that contradicts it, so "paper-1at3"
// on a run page is a checked claim, not a label.

export interface EvalProtocol {
  id: string;
  label: string;
  /** what the protocol reproduces, in words a reader of the run page understands */
  description: string;
  /** the metric this protocol is for, as the summary names it */
  headline: "1@3" | "10@100";
  /** rollouts per problem when none are given (the paper: 200 for both) */
  rolloutsPerProblem: number;
  /** fewer rollouts than this cannot compute the headline metric */
  minRollouts: number;
  turnLimit: number;
  temperature: number;
  topP: number;
  judgeTests: "public+private+generated";
}

export const EVAL_PROTOCOLS = [
  {
    id: "paper-1at3",
    label: "paper 1@3 (Table 1)",
    description: "200 rollouts per problem, temperature 0.2, top-p 0.95, 3 turns, judged on private + generated tests",
    headline: "1@3",
    rolloutsPerProblem: 200,
    minRollouts: 1,
    turnLimit: 3,
    temperature: 0.2,
    topP: 0.95,
    judgeTests: "public+private+generated",
  },
  {
    id: "paper-10at100",
    label: "paper 10@100 (Table 1)",
    description: "temperature 1.0, top-p 0.95, 3 turns (100 samples = 33 rollouts), 200 rollouts per problem by default, judged on private + generated tests",
    headline: "10@100",
    rolloutsPerProblem: 200,
    minRollouts: 33,
    turnLimit: 3,
    temperature: 1.0,
    topP: 0.95,
    judgeTests: "public+private+generated",
  },
] as const satisfies readonly EvalProtocol[];

export type EvalProtocolId = (typeof EVAL_PROTOCOLS)[number]["id"];
export const EVAL_PROTOCOL_IDS = EVAL_PROTOCOLS.map((p) => p.id) as [EvalProtocolId, ...EvalProtocolId[]];

export function findEvalProtocol(id: string): EvalProtocol | undefined {
  return EVAL_PROTOCOLS.find((p) => p.id === id);
}

/** The fields a protocol fixes, in the run config's input shape. */
interface ProtocolFields {
  protocol?: string;
  rolloutsPerProblem?: number;
  environment?: { turnLimit?: number; judgeTests?: string } & Record<string, unknown>;
  sampling?: { temperature?: number; topP?: number } & Record<string, unknown>;
}

/**
 * Fill what the named protocol fixes wherever the input leaves it open; values the input does give are
 * kept, so a contradiction reaches protocolConflicts and is refused rather than silently overridden.
 */
export function applyEvalProtocol<T extends ProtocolFields>(input: T): T {
  const protocol = input.protocol ? findEvalProtocol(input.protocol) : undefined;
  if (!protocol) return input;
  return {
    ...input,
    rolloutsPerProblem: input.rolloutsPerProblem ?? protocol.rolloutsPerProblem,
    environment: {
      ...input.environment,
      turnLimit: input.environment?.turnLimit ?? protocol.turnLimit,
      judgeTests: input.environment?.judgeTests ?? protocol.judgeTests,
    },
    sampling: {
      ...input.sampling,
      temperature: input.sampling?.temperature ?? protocol.temperature,
      topP: input.sampling?.topP ?? protocol.topP,
    },
  };
}

/** Field path → message for every value of a parsed config that contradicts its protocol. */
export function protocolConflicts(config: {
  protocol?: string;
  rolloutsPerProblem: number;
  environment: { turnLimit: number; judgeTests: string };
  sampling: { temperature: number; topP: number };
}): Record<string, string[]> {
  if (!config.protocol) return {};
  const p = findEvalProtocol(config.protocol);
  if (!p) return { protocol: [`unknown protocol "${config.protocol}" (one of ${EVAL_PROTOCOL_IDS.join(", ")})`] };
  const errors: Record<string, string[]> = {};
  const check = (path: string, actual: unknown, expected: unknown) => {
    if (actual !== expected) errors[path] = [`${p.id} fixes this to ${expected}, got ${actual}`];
  };
  check("environment.turnLimit", config.environment.turnLimit, p.turnLimit);
  check("environment.judgeTests", config.environment.judgeTests, p.judgeTests);
  check("sampling.temperature", config.sampling.temperature, p.temperature);
  check("sampling.topP", config.sampling.topP, p.topP);
  if (config.rolloutsPerProblem < p.minRollouts) {
    errors.rolloutsPerProblem = [`${p.id} needs at least ${p.minRollouts} rollouts per problem (${p.headline}), got ${config.rolloutsPerProblem}`];
  }
  return errors;
}
