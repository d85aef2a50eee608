export function FieldError({ message, field }: { message?: string; field: string }) {
  if (!message) return null;
  return (
    <span className="field-error" role="alert" data-testid={`field-error-${field}`}>
      {message}
    </span>
  );
}
