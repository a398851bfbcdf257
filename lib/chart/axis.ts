import type { ScaleLinear } from "d3-scale";

export interface Tick {
  value: number;
  x: number;
  label: string;
}

/** Roughly one tick per 80 px, so a 360 px chart still gets a readable 3–4 labels. */
export function linearTicks(scale: ScaleLinear<number, number>, format: (value: number) => string): Tick[] {
  const [left = 0, right = 0] = scale.range();
  const count = Math.max(2, Math.floor(Math.abs(right - left) / 80));
  return scale.ticks(count).map((value) => ({ value, x: scale(value), label: format(value) }));
}
