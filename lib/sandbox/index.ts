export { judgeSubmission, judgeRequestSchema, type JudgeOptions } from "./judge-submission";
export { SandboxPool, getSandboxPool, type SandboxPoolOptions } from "./pool";
export { SandboxUnavailableError, findBwrap, SANDBOX_SOLUTION_PATH } from "./bwrap";
export { discoverPythonRuntime, configuredPython, type PythonRuntime } from "./python-runtime";
export * from "./limits";
export * from "./types";
