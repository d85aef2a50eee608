"use client";
import { FieldFrame } from "./FieldFrame";
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
    <FieldFrame name={name} label={label} hint={hint} error={field.error}>
      <input name={name} placeholder={placeholder} required={required} defaultValue={field.defaultValue} data-testid={field.testId} />
    </FieldFrame>
  );
}
