/**
 * Number formats for people (tick labels, table cells). Not for data files: see src/io/csv.ts for exact output.
 * Negative numbers use the typographic minus (U+2212); exponents use Unicode superscripts so that labels stay
 * plain text (no tspan layout) in SVG and HTML alike.
 *
 * @example
 * ```ts
 * formatSig(0.000123456);   // '1.235×10⁻⁴'
 * formatSI(1500);           // '1.5k'
 * formatExponent(2e5);      // '2×10⁵'
 * formatFixed(-0.25, 1);    // '−0.3' (toFixed rounding)
 * formatPercent(0.125);     // '12.5%'
 * ```
 */

/** A tick/cell format: a named style or a function. */
export type NumberFormat = 'auto' | 'si' | 'exp' | 'percent' | 'sig' | ((v: number) => string);

const SUPER: Readonly<Record<string, string>> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
  '+': '⁺',
};

export const MINUS = '\u2212';

/** Writes an integer in Unicode superscript digits: superscript(-3) === '⁻³'. */
export function superscript(n: number): string {
  return String(n)
    .split('')
    .map((c) => SUPER[c] ?? c)
    .join('');
}

function special(v: number): string | undefined {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return '∞';
  if (v === Number.NEGATIVE_INFINITY) return `${MINUS}∞`;
  return undefined;
}

function withMinus(s: string): string {
  return s.startsWith('-') ? MINUS + s.slice(1) : s;
}

/** Removes trailing zeros after a decimal point: '1.500' -> '1.5', '2.000' -> '2'. */
function trimZeros(s: string): string {
  return s.includes('.') && !s.includes('e') ? s.replace(/\.?0+$/, '') : s;
}

/** Fixed decimals, never '−0'. */
export function formatFixed(v: number, decimals: number): string {
  const sp = special(v);
  if (sp !== undefined) return sp;
  const s = v.toFixed(Math.max(0, Math.min(20, decimals)));
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : withMinus(s);
}

/** Scientific notation as `m×10ⁿ` with `sig` significant digits (trailing zeros dropped); `10ⁿ` when m = 1. */
export function formatExponent(v: number, sig = 3): string {
  const sp = special(v);
  if (sp !== undefined) return sp;
  if (v === 0) return '0';
  const [m, e] = v.toExponential(Math.max(0, sig - 1)).split('e');
  const mant = trimZeros(m);
  const pow = `10${superscript(Number(e))}`;
  if (mant === '1') return pow;
  if (mant === '-1') return `${MINUS}${pow}`;
  return `${withMinus(mant)}×${pow}`;
}

/** `sig` significant digits; plain between 1e-3 and 1e6, exponent form outside. */
export function formatSig(v: number, sig = 4): string {
  const sp = special(v);
  if (sp !== undefined) return sp;
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e6) {
    const s = trimZeros(v.toPrecision(sig));
    // toPrecision may itself switch to exponent form for e.g. 123456 with sig 3.
    return s.includes('e') ? withMinus(String(Number(s))) : withMinus(s);
  }
  return formatExponent(v, sig);
}

const SI_PREFIXES = ['y', 'z', 'a', 'f', 'p', 'n', 'µ', 'm', '', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];

/** SI prefix notation (k, M, G, m, µ, n ...) with `sig` significant digits: 1500 -> '1.5k', 2e-6 -> '2µ'. */
export function formatSI(v: number, sig = 3): string {
  const sp = special(v);
  if (sp !== undefined) return sp;
  if (v === 0) return '0';
  // Round first so that 999.96 becomes '1k' rather than '1000'.
  const r = Number(v.toPrecision(sig));
  const k = Math.max(-8, Math.min(8, Math.floor(Math.log10(Math.abs(r)) / 3)));
  const scaled = r / 10 ** (3 * k);
  return withMinus(trimZeros(String(Number(scaled.toPrecision(sig))))) + SI_PREFIXES[k + 8];
}

/**
 * A p-value, the one format of every table, report and command: 4 significant digits (R's print of
 * survdiff/coxph: 0.06534), exponent form below 1e-4 (3.2e-5), 'NA' when not finite.
 */
export function formatP(p: number): string {
  if (!Number.isFinite(p)) return 'NA';
  if (p === 0) return '0';
  if (p < 1e-4) return p.toExponential(1);
  return String(Number(p.toPrecision(4)));
}

/** A fraction as percent: 0.125 -> '12.5%' (decimals chosen from magnitude unless given). */
export function formatPercent(v: number, decimals?: number): string {
  const sp = special(v);
  if (sp !== undefined) return sp;
  const p = v * 100;
  if (decimals !== undefined) return `${formatFixed(p, decimals)}%`;
  return `${formatSig(p, 3)}%`;
}

/** Decimals needed to show multiples of `step` exactly (step from niceTicks: 1, 2 or 5 times 10^k). */
export function decimalsForStep(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  return Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
}

/** Resolves a named format to a function (used for table cells and single values). */
export function formatter(fmt: NumberFormat = 'sig'): (v: number) => string {
  if (typeof fmt === 'function') return fmt;
  switch (fmt) {
    case 'si':
      return (v) => formatSI(v);
    case 'exp':
      return (v) => formatExponent(v);
    case 'percent':
      return (v) => formatPercent(v);
    default:
      return (v) => formatSig(v);
  }
}
