/**
 * Trusted markup versus text. Every builder in src/report takes children as `Child`: a plain string is
 * always treated as text and escaped; only a `Markup` value (made by our own builders) is inserted as is.
 * This makes "forgot to escape a label" impossible by construction (cf. lit-html's TemplateResult).
 *
 * @example
 * ```ts
 * import { el, escapeText } from './markup.js';
 * el('text', { x: 10, y: 20 }, 'a < b').toString(); // '<text x="10" y="20">a &lt; b</text>'
 * escapeText('<script>');                            // '&lt;script&gt;'
 * ```
 */

/** A fragment of already-escaped SVG or HTML. Create it with `el`, `fragment` or `trusted`. */
export class Markup {
  /** The markup text. */
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

/** Children of an element: text (escaped), markup (inserted), numbers, nested lists; nullish/false skipped. */
export type Child = Markup | string | number | null | undefined | false | readonly Child[];

/** Attribute values; `undefined`, `null` and `false` omit the attribute, `true` writes `name=""`. */
export type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Readonly<Record<string, AttrValue>>;

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for XML/HTML content and attribute values (both quote kinds, so it is safe in either). */
export function escapeText(s: string): string {
  return stripControl(s).replace(/[&<>"']/g, (c) => TEXT_ESCAPES[c]);
}

/** Drops control characters other than tab, LF and CR: they are invalid in XML 1.0 and would break the file. */
function stripControl(s: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
      out += s.slice(start, i);
      start = i + 1;
    }
  }
  return start === 0 ? s : out + s.slice(start);
}

/** Alias of `escapeText` for readability at attribute sites. */
export const escapeAttr = escapeText;

/**
 * Formats a coordinate or length for an attribute: at most 2 decimals, no trailing zeros, no `-0`.
 * Non-finite numbers throw: a NaN coordinate in an SVG is always a bug upstream (marks must skip them).
 */
export function num(v: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`non-finite number in markup: ${v}`);
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

const NAME = /^[A-Za-z_][\w.:-]*$/;

function attrString(attrs: Attrs): string {
  let out = '';
  for (const key of Object.keys(attrs)) {
    const v = attrs[key];
    if (v === undefined || v === null || v === false) continue;
    if (!NAME.test(key)) throw new Error(`invalid attribute name: ${JSON.stringify(key)}`);
    if (v === true) out += ` ${key}=""`;
    else out += ` ${key}="${typeof v === 'number' ? num(v) : escapeAttr(v)}"`;
  }
  return out;
}

/** Renders children to a string: strings escaped, markup as is. */
export function renderChildren(children: readonly Child[]): string {
  let out = '';
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (c instanceof Markup) out += c.value;
    else if (typeof c === 'string') out += escapeText(c);
    else if (typeof c === 'number') out += escapeText(String(c));
    else out += renderChildren(c);
  }
  return out;
}

/**
 * Builds one SVG (XML) element; without content it self-closes (`<rect .../>`), which is also valid for
 * inline SVG inside HTML. For HTML elements use `hel`.
 */
export function el(tag: string, attrs: Attrs = {}, ...children: Child[]): Markup {
  if (!NAME.test(tag)) throw new Error(`invalid tag name: ${JSON.stringify(tag)}`);
  const inner = renderChildren(children);
  return new Markup(
    inner === '' ? `<${tag}${attrString(attrs)}/>` : `<${tag}${attrString(attrs)}>${inner}</${tag}>`,
  );
}

/** HTML void elements, written as `<tag ...>` with no end tag. */
const HTML_VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'col', 'wbr']);

/** Builds one HTML element: void elements have no end tag, every other element always gets one. */
export function hel(tag: string, attrs: Attrs = {}, ...children: Child[]): Markup {
  if (!NAME.test(tag)) throw new Error(`invalid tag name: ${JSON.stringify(tag)}`);
  const a = attrString(attrs);
  if (HTML_VOID.has(tag)) {
    if (children.length > 0) throw new Error(`void element cannot have children: ${tag}`);
    return new Markup(`<${tag}${a}>`);
  }
  return new Markup(`<${tag}${a}>${renderChildren(children)}</${tag}>`);
}

/** Joins children into one markup value without a wrapper element. */
export function fragment(...children: Child[]): Markup {
  return new Markup(renderChildren(children));
}

/**
 * Declares a string as trusted markup. Only for markup produced by this package (e.g. an SVG string returned
 * by `lineChart`); the string must start with `<` to catch accidental use on plain text.
 */
export function trusted(markup: string): Markup {
  if (!/^\s*</.test(markup)) throw new Error('trusted() expects markup starting with "<"');
  return new Markup(markup);
}
