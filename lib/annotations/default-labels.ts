/** The failure labels a fresh studio starts with; admins add, rename and recolour from the settings page. */
export const DEFAULT_LABELS = [
  { name: "ignores feedback", color: "#dc2626", description: "The next attempt does not address what the execution feedback reported." },
  { name: "resubmits same code", color: "#ea580c", description: "An attempt repeats the previous code unchanged or nearly so." },
  { name: "wrong algorithm", color: "#9333ea", description: "The approach cannot solve the problem; not a small bug." },
  { name: "too slow", color: "#d97706", description: "Right idea, but the complexity exceeds the time limit." },
  { name: "I/O format", color: "#0891b2", description: "Reads the input or prints the output in the wrong format." },
  { name: "misreads problem", color: "#2563eb", description: "Solves a different problem than the statement asks." },
  { name: "hard-codes examples", color: "#db2777", description: "Special-cases the public tests instead of solving the problem." },
  { name: "correct but judged wrong", color: "#16a34a", description: "The code looks right; the tests or the checker disagree." },
] as const;
