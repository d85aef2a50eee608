import { readFileSync } from "node:fs";

/**
 * Small programs whose observable behaviour (verdict, exit status, stdout,
 * stderr) must be identical under the fast engine (fork per test) and the
 * plain one (`python3 solution.py` per test). Each covers a way a forked child
 * could differ from a fresh interpreter.
 */
export interface EquivalenceProgram {
  name: string;
  code: string;
  inputs: string[];
  /** Expected stdout for every input (the verdict is then OK or WRONG_ANSWER alike). */
  output?: string;
}

/** A longer program kept as a file beside this one (equivalence-corpus/). */
export const corpus = (file: string) => readFileSync(new URL(`./equivalence-corpus/${file}`, import.meta.url), "utf8");

/** Python source as written (String.raw: backslashes stay Python's), first newline dropped. */
export const py = (strings: TemplateStringsArray, ...values: string[]) => String.raw(strings, ...values).replace(/^\n/, "");
const FASTIO = corpus("fastio-template.py");
export const fastio = (body: string) => FASTIO + body;
