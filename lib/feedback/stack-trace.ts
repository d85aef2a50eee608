import os from "node:os";
import type { TestResult } from "../sandbox/types";

/**
 * The traceback the model sees for a RUNTIME_ERROR: the program's stderr as
 * `python3 solution.py` prints it, with the sandbox's path of the program
 * shown as plain "solution.py" and any frame of our own supervisor removed.
 * A crash that printed nothing (a signal, a silent non-zero exit) gets one
 * line saying how the process ended.
 */
export function programStackTrace(result: TestResult): { text: string; omitted: number } {
  const raw = result.stderrTruncated ? result.stderrTail : result.stderrHead + result.stderrTail;
  const omitted = result.stderrTruncated ? Math.max(0, result.stderrBytes - Buffer.byteLength(raw)) : 0;
  const text = dropSupervisorFrames(raw)
    .replace(/File "(?:[^"\n]*\/)?solution\.py"/g, 'File "solution.py"')
    .trimEnd();
  return { text: text || processEnding(result), omitted: text ? omitted : 0 };
}

function dropSupervisorFrames(stderr: string): string {
  const lines = stderr.split("\n");
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (/^\s+File "\/rlef\/[^"]*"/.test(lines[i])) {
      const indent = lines[i].search(/\S/);
      while (i + 1 < lines.length && lines[i + 1].search(/\S/) > indent) i++;
      continue;
    }
    kept.push(lines[i]);
  }
  return kept.join("\n");
}

function processEnding(result: TestResult): string {
  if (result.signal !== null) {
    const name = Object.entries(os.constants.signals).find(([, n]) => n === result.signal)?.[0];
    return `Process was killed by signal ${result.signal}${name ? ` (${name})` : ""}.`;
  }
  return `Process exited with code ${result.exitCode ?? "unknown"}.`;
}
