"use client";
import type { ReactNode } from "react";
import { FormFieldsContext, type FieldDefaults } from "./form-fields-context";

/** Gives the fields inside their defaults and errors by input name, so each field needs only its name. */
export function FormFields({
  defaults,
  error,
  children,
}: {
  defaults: FieldDefaults;
  error: (name: string) => string | undefined;
  children: ReactNode;
}) {
  return <FormFieldsContext.Provider value={{ defaults, error }}>{children}</FormFieldsContext.Provider>;
}
