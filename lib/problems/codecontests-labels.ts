/**
 * Hugging Face's deepmind/code_contests stores these as ClassLabel integers
 * (the dataset card's numbering, which differs from the upstream .proto's enum
 * numbers for ATCODER/AIZU and the later difficulty letters).
 */
export const CODECONTESTS_SOURCES = ["UNKNOWN_SOURCE", "CODECHEF", "CODEFORCES", "HACKEREARTH", "CODEJAM", "ATCODER", "AIZU"] as const;

export const CODECONTESTS_DIFFICULTIES = [
  "UNKNOWN_DIFFICULTY",
  "EASY",
  "MEDIUM",
  "HARD",
  "HARDER",
  "HARDEST",
  "EXTERNAL",
  ..."ABCDEFGHIJKLMNOPQRSTUV".split(""),
] as const;

export const CODECONTESTS_LANGUAGES = ["UNKNOWN_LANGUAGE", "PYTHON", "CPP", "PYTHON3", "JAVA"] as const;

/** Our language names; CodeContests' "PYTHON" is Python 2. */
const LANGUAGE_NAMES: Record<string, string> = {
  UNKNOWN_LANGUAGE: "unknown",
  PYTHON: "python2",
  CPP: "cpp",
  PYTHON3: "python3",
  JAVA: "java",
};

export function languageName(value: number | string): string {
  const label = typeof value === "number" ? CODECONTESTS_LANGUAGES[value] : value.toUpperCase();
  return LANGUAGE_NAMES[label] ?? String(value).toLowerCase();
}

export function sourceName(value: number | string): string {
  const label = typeof value === "number" ? CODECONTESTS_SOURCES[value] : value.toUpperCase();
  return label === "UNKNOWN_SOURCE" ? "unknown" : label.toLowerCase();
}

export function difficultyLabel(value: number | string): string | null {
  const label = typeof value === "number" ? CODECONTESTS_DIFFICULTIES[value] : value;
  return label === "UNKNOWN_DIFFICULTY" || label === "" ? null : label;
}
