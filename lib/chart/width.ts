/**
 * Charts are laid out at one logical width and scale with their card (CSS width 100%, height from the viewBox), so
 * the server's render is the final one: no re-measure after hydration, no layout shift.
 */
export const CHART_WIDTH = 360;
