"use client";
import { FieldError } from "@/components/ui/form/FieldError";
import { useField } from "./form-fields-context";

export function TextField({
  name,
  label,
  hint,
  placeholder,
  required,
}: {
  name: string;
  label: string;
  hint?: string;
  placeholder?: string;
  required?: boolean;
}) {
  const field = useField(name);
  return (
    <label>
      {label}
      <input name={name} placeholder={placeholder} required={required} defaultValue={field.defaultValue} data-testid={field.testId} />
      {hint ? <span className="hint">{hint}</span> : null}
      <FieldError field={name} message={field.error} />
    </label>
  );
}
