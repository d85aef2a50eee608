import type { ReactNode } from "react";
import { FieldError } from "@/components/ui/form/FieldError";

/** A form field: its label around the control, then the hint (if any) and the last submit's error for it. */
export function FieldFrame({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  error: string | undefined;
  /** the control */
  children: ReactNode;
}) {
  return (
    <label>
      {label}
      {children}
      {hint ? <span className="hint">{hint}</span> : null}
      <FieldError field={name} message={error} />
    </label>
  );
}
