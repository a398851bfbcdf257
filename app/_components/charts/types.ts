import type { Claim } from "../../../lib/schema";

/** What every chart takes: the claims to draw, and the dashboard's one selection. */
export interface ChartProps {
  claims: readonly Claim[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}
