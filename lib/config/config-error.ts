import type { z } from "zod";

/** A run config that failed validation: one message per field path, nothing written. */
export class ConfigValidationError extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super(
      "invalid run config: " +
        Object.entries(fieldErrors).map(([field, msgs]) => `${field}: ${msgs.join("; ")}`).join(", "),
    );
    this.name = "ConfigValidationError";
  }

  static fromZod(error: z.ZodError): ConfigValidationError {
    const fields: Record<string, string[]> = {};
    for (const issue of error.issues) {
      const key = issue.path.length ? issue.path.join(".") : "(config)";
      (fields[key] ??= []).push(issue.message);
    }
    return new ConfigValidationError(fields);
  }
}
