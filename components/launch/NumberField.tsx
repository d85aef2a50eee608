import { FieldError } from "@/components/auth/FieldError";

export function NumberField({ name, label, defaultValue, hint, error, step = "any", min }: {
  name: string; label: string; defaultValue?: number; hint?: string; error?: string; step?: string; min?: number;
}) {
  return (
    <label>
      {label}
      <input name={name} type="number" step={step} min={min} defaultValue={defaultValue} data-testid={`field-${name}`} />
      {hint ? <span className="hint">{hint}</span> : null}
      <FieldError field={name} message={error} />
    </label>
  );
}
