"use client";
import { createContext, useContext } from "react";

export type FieldDefaults = Record<string, string | number | boolean>;

export interface FormFieldsValue {
  /** initial values by input name (a config path): the schema's defaults, see lib/config/form-input.ts */
  defaults: FieldDefaults;
  /** the last submit's error for an input, by the same name */
  error: (name: string) => string | undefined;
}

export const FormFieldsContext = createContext<FormFieldsValue>({ defaults: {}, error: () => undefined });

/** What an input named `name` needs: its default, its error and its test id, all keyed by the one name. */
export function useField(name: string) {
  const { defaults, error } = useContext(FormFieldsContext);
  const value = defaults[name];
  return { defaultValue: value === undefined ? undefined : String(value), error: error(name), testId: `field-${name}` };
}
