"use client";
import { FieldError } from "@/components/ui/form/FieldError";
import { useField } from "./form-fields-context";

/** A select over one of lib/config/options.ts's lists (or any value/label list). */
export function SelectField({
  name,
  label,
  options,
}: {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
}) {
  const field = useField(name);
  return (
    <label>
      {label}
      <select name={name} defaultValue={field.defaultValue} data-testid={field.testId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError field={name} message={field.error} />
    </label>
  );
}
