/** One colour per verdict kind, the same on every chart (readable on light and dark backgrounds). */
export const KIND_COLORS: Record<string, string> = {
  WRONG_ANSWER: "#ef4444",
  RUNTIME_ERROR: "#f59e0b",
  TIME_LIMIT: "#8b5cf6",
  MEMORY_LIMIT: "#06b6d4",
  OUTPUT_LIMIT: "#ec4899",
  SANDBOX_ERROR: "#64748b",
  INVALID_CODE: "#a3a3a3",
};

/** Series colours for line charts, in order. */
export const SERIES_COLORS = ["#3b82f6", "#10b981", "#f97316", "#a855f7", "#ef4444", "#14b8a6", "#eab308", "#6366f1"];

export const ACCENT = "#3b82f6";
