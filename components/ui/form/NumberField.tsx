"use client";
import { FieldError } from "@/components/ui/form/FieldError";
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
    <label>
      {label}
      <input name={name} type="number" step={step} min={min} defaultValue={field.defaultValue} data-testid={field.testId} />
      {hint ? <span className="hint">{hint}</span> : null}
      <FieldError field={name} message={field.error} />
    </label>
  );
}
