"use client";
import { FieldFrame } from "./FieldFrame";
import { useField } from "./form-fields-context";

export function NumberField({
  name,
  label,
  hint,
  step = "any",
  min,
}: {
  name: string;
  label: string;
  hint?: string;
  step?: string;
  min?: number;
}) {
  const field = useField(name);
  return (
    <FieldFrame name={name} label={label} hint={hint} error={field.error}>
      <input name={name} type="number" step={step} min={min} defaultValue={field.defaultValue} data-testid={field.testId} />
    </FieldFrame>
  );
}
