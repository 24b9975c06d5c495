/** What every chart spec shares: the Vega-Lite schema it is written for, and the two series colours. */
export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';
/** The default series colour (Vega's first category colour). */
export const BLUE = '#4c78a8';
/** Violations, drifted values and thresholds. */
export const RED = '#d62728';
