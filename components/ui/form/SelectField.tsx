"use client";
import { FieldFrame } from "./FieldFrame";
import { OptionList } from "./OptionList";
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
    <FieldFrame name={name} label={label} error={field.error}>
      <select name={name} defaultValue={field.defaultValue} data-testid={field.testId}>
        <OptionList options={options} />
      </select>
    </FieldFrame>
  );
}
