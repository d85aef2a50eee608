/**
 * The submit button of a settings form that either adds a record or edits one ("Save"), and a Cancel
 * button where the form can be closed without saving.
 */
export function SaveButtons({
  editing,
  addLabel,
  pending,
  onCancel,
  testId,
}: {
  editing: boolean;
  /** the submit button's text when adding */
  addLabel: string;
  pending: boolean;
  onCancel?: () => void;
  testId?: string;
}) {
  return (
    <>
      <button type="submit" className="button primary" disabled={pending} data-testid={testId}>
        {editing ? "Save" : addLabel}
      </button>
      {onCancel ? (
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </>
  );
}
