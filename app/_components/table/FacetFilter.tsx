"use client";

interface FacetFilterProps<T extends string> {
  testId: string;
  legend: string;
  options: readonly T[];
  label: (option: T) => string;
  /** Ticked options; none ticked means no filter. */
  selected: T[];
  onChange: (selected: T[]) => void;
}

/** A group of checkboxes: tick the values to keep; untick all to see everything again. */
export function FacetFilter<T extends string>({
  testId,
  legend,
  options,
  label,
  selected,
  onChange,
}: FacetFilterProps<T>) {
  const toggle = (option: T, on: boolean) =>
    onChange(on ? [...selected, option] : selected.filter((s) => s !== option));
  return (
    <fieldset className="facet" data-testid={testId}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="chip">
          <input
            type="checkbox"
            checked={selected.includes(option)}
            onChange={(e) => toggle(option, e.target.checked)}
          />
          <span>{label(option)}</span>
        </label>
      ))}
    </fieldset>
  );
}
