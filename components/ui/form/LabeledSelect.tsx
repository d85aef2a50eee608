import { OptionList } from "./OptionList";

/**
 * A labelled select over value/label options, controlled by the caller. `emptyLabel` adds a first
 * option with the empty value (a filter's "all" / "any").
 */
export function LabeledSelect({
  label,
  value,
  onChange,
  options,
  emptyLabel,
  className,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  emptyLabel?: string;
  /** on the label (e.g. `grow` in a filter bar) */
  className?: string;
  testId?: string;
}) {
  return (
    <label className={className}>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        <OptionList options={options} />
      </select>
    </label>
  );
}
