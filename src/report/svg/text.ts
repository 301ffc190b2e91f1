/**
 * Text measurement without a renderer: widths are estimated from per-character classes of a Helvetica-like
 * font, erring wide, so that layout (margins, tick thinning, wrapping) works the same in Node and browsers.
 *
 * @example
 * ```ts
 * textWidth('Tumor volume (mm³)', 12);               // ≈ 125 px (errs wide)
 * wrapText('a long chart title that wraps', 80, 12); // ['a long chart', 'title that', 'wraps']
 * ```
 */

const NARROW = new Set([..."il.,:;'|!()[]{}Ijtf/ "]);
const WIDE = new Set([...'mwMW@%']);
const CAPS = /[A-Z]/;

/** Estimated advance width of `s` at `fontSize` px (sans-serif). */
export function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const c of s) {
    if (NARROW.has(c)) w += 0.32;
    else if (WIDE.has(c)) w += 0.9;
    else if (CAPS.test(c)) w += 0.68;
    else w += 0.57;
  }
  return w * fontSize;
}

/**
 * Greedy word wrap to `maxWidth`. With `maxLines`, the last line is cut with an ellipsis when text remains.
 * A single word longer than the width is cut with an ellipsis too.
 */
export function wrapText(
  s: string,
  maxWidth: number,
  fontSize: number,
  maxLines = Number.POSITIVE_INFINITY,
): string[] {
  const words = s.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    const next = cur === '' ? w : `${cur} ${w}`;
    if (cur !== '' && textWidth(next, fontSize) > maxWidth) {
      lines.push(cur);
      cur = w;
    } else cur = next;
  }
  if (cur !== '') lines.push(cur);
  const fitted = lines.map((l) => truncate(l, maxWidth, fontSize));
  if (fitted.length <= maxLines) return fitted;
  const kept = fitted.slice(0, maxLines);
  kept[maxLines - 1] = truncate(`${kept[maxLines - 1]}…`, maxWidth, fontSize, true);
  return kept;
}

/** Cuts `s` to fit `maxWidth`, ending with '…'. `force` always ends with the ellipsis. */
export function truncate(s: string, maxWidth: number, fontSize: number, force = false): string {
  if (!force && textWidth(s, fontSize) <= maxWidth) return s;
  let t = s.endsWith('…') ? s.slice(0, -1) : s;
  while (t.length > 0 && textWidth(`${t}…`, fontSize) > maxWidth) t = t.slice(0, -1);
  return `${t.trimEnd()}…`;
}
