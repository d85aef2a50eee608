import type { z } from "zod";

/** A run config that failed validation: one message per field path, nothing written. */
export class ConfigValidationError extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super(
      "invalid run config: " +
        Object.entries(fieldErrors)
          .map(([field, msgs]) => `${field}: ${msgs.join("; ")}`)
          .join(", "),
    );
    this.name = "ConfigValidationError";
  }

  static fromZod(error: z.ZodError): ConfigValidationError {
    return new ConfigValidationError(fieldErrorsFromZod(error, "(config)"));
  }
}

/**
 * zod issues as dot-path → messages. The path is the input's name in a form (lib/config/form-input.ts),
 * so the message can be short: "required", "expected a number".
 */
export function fieldErrorsFromZod(error: z.ZodError, rootKey: string): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : rootKey;
    (fields[key] ??= []).push(messageOf(issue));
  }
  return fields;
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code !== "invalid_type") return issue.message;
  if (issue.message.endsWith("received undefined")) return "required";
  if (issue.expected === "number") return "expected a number";
  if (issue.expected === "int") return "expected a whole number";
  return issue.message;
}
