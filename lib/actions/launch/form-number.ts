import { z } from "zod";

// Form fields arrive as numbers from the launch forms, or as strings when posted as FormData;
// an empty field means "use the default", so it becomes undefined rather than 0.
const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const formNumber = () => z.preprocess(emptyToUndefined, z.coerce.number({ message: "enter a number" }).optional());
export const formInt = () => z.preprocess(emptyToUndefined, z.coerce.number({ message: "enter a number" }).int("a whole number").optional());
export const formString = () => z.preprocess(emptyToUndefined, z.string().trim().optional());

/**
 * Config validation reports paths of the run config ("sampling.temperature"); the form knows its own
 * field names ("temperature"). Map each error back so it shows under the field that caused it.
 */
export function mapFieldErrors(fieldErrors: Record<string, string[]>, fieldOfPath: Record<string, string>): Record<string, string[]> {
  const mapped: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const field = fieldOfPath[path] ?? Object.entries(fieldOfPath).find(([prefix]) => path.startsWith(prefix + "."))?.[1] ?? path;
    (mapped[field] ??= []).push(...messages);
  }
  return mapped;
}
