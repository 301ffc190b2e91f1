/**
 * Colour-blind-safe colours (Okabe & Ito, "Color Universal Design", 2008; recommended by Wong, Nature
 * Methods 8:441, 2011) and dash patterns, so that series stay distinguishable in greyscale print too.
 *
 * @example
 * ```ts
 * seriesColor(0); // '#0072B2' (blue)
 * seriesDash(1);  // '6 3'
 * ```
 */

/** Okabe-Ito, ordered for contrast on white (yellow, weakest on white, last). */
export const PALETTE: readonly string[] = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#000000', // black
  '#F0E442', // yellow
];

/** Solid, dashed, dotted, dash-dot, long dash, dash-dot-dot: each keeps enough ink to show its colour. */
export const DASHES: readonly string[] = ['', '6 3', '2 2', '8 3 2 3', '12 4', '8 3 2 3 2 3'];

/** Neutral greys for axes, grid, shading and text. */
export const INK = {
  text: '#222222',
  muted: '#5f5f5f',
  axis: '#444444',
  grid: '#e4e4e4',
  interval: '#9a9a9a',
  rule: '#555555',
} as const;

/** Attributes of a white outline behind text drawn over data, so labels stay legible on lines and bars. */
export const HALO = {
  stroke: 'white',
  'stroke-width': 3,
  'stroke-linejoin': 'round',
  'paint-order': 'stroke',
} as const;

/** Colour of the i-th series (cycles). */
export function seriesColor(i: number): string {
  return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length];
}

/** Dash pattern of the i-th series (cycles; the first is solid). */
export function seriesDash(i: number): string {
  return DASHES[((i % DASHES.length) + DASHES.length) % DASHES.length];
}

/** Colours must be simple CSS colour tokens: hex, rgb()/hsl() or a name. Guards against attribute injection. */
export function checkColor(c: string): string {
  if (!/^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(rgb|rgba|hsl|hsla)\([\d\s.,%]+\))$/.test(c)) {
    throw new Error(`invalid colour: ${JSON.stringify(c)}`);
  }
  return c;
}

/** Dash arrays must be numbers separated by spaces or commas. */
export function checkDash(d: string): string {
  if (!/^[\d.\s,]*$/.test(d)) throw new Error(`invalid dash pattern: ${JSON.stringify(d)}`);
  return d.trim();
}
