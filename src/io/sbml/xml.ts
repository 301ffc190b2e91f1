/**
 * A small, strict XML 1.0 parser with namespaces (W3C XML 1.0 and Namespaces in XML 1.0), written for
 * SBML and MathML and usable in the browser (no Node APIs). It keeps elements, attributes, text and
 * CDATA; it skips comments, processing instructions and an external DOCTYPE; it rejects internal DTD
 * subsets (entity declarations are a denial-of-service vector and SBML never needs them).
 * Every node carries its 1-based line and column so that errors can say where.
 *
 * Limits (untrusted files): elements nest at most MAX_XML_DEPTH deep, so that every recursive walker over
 * the tree (namespace checks, MathML, SBML import) has a bounded stack; names are at most MAX_XML_NAME
 * characters. The parser itself is iterative and linear in the input.
 */

import { InputError } from '../../errors.js';
import { own } from '../../model/expr/own.js';

export interface XmlAttr {
  /** Qualified name as written, e.g. `comp:required`. */
  readonly name: string;
  readonly local: string;
  /** Resolved namespace URI; unprefixed attributes have none. */
  readonly ns?: string;
  readonly value: string;
}

export interface XmlElement {
  readonly kind: 'element';
  /** Qualified name as written. */
  readonly name: string;
  readonly local: string;
  /** Resolved namespace URI (default namespace for unprefixed names). */
  readonly ns?: string;
  readonly attrs: readonly XmlAttr[];
  readonly children: readonly XmlNode[];
  readonly line: number;
  readonly col: number;
}

export interface XmlText {
  readonly kind: 'text';
  readonly text: string;
  readonly line: number;
  readonly col: number;
}

export type XmlNode = XmlElement | XmlText;

/** A file that is not well-formed XML. */
export class XmlError extends InputError {
  override readonly name: string = 'XmlError';
  readonly line: number;
  readonly col: number;
  constructor(message: string, file: string | undefined, line: number, col: number) {
    super(`line ${line}, column ${col}: ${message}`, { file });
    this.line = line;
    this.col = col;
  }
}

/** Deepest element nesting accepted (SBML needs about 10 levels plus its MathML, itself at most 500). */
export const MAX_XML_DEPTH = 1000;
/** Longest element or attribute name accepted. */
export const MAX_XML_NAME = 1000;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
const NAME_RE = /[A-Za-z_:\u00C0-\uFFFF][-A-Za-z0-9._:\u00B7\u00C0-\uFFFF]*/y;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** The first attribute with this local name and no namespace (or the given one). */
export function attr(el: XmlElement, local: string, ns?: string): string | undefined {
  for (const a of el.attrs) if (a.local === local && a.ns === ns) return a.value;
  return undefined;
}

/** Child elements, optionally only those with this local name. */
export function childElements(el: XmlElement, local?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children)
    if (c.kind === 'element' && (local === undefined || c.local === local)) out.push(c);
  return out;
}

/** Concatenated text content of an element's direct text children. */
export function textContent(el: XmlElement): string {
  let s = '';
  for (const c of el.children) if (c.kind === 'text') s += c.text;
  return s;
}

/** Parses a whole document and returns its root element. Throws XmlError with line and column. */
export function parseXml(text: string, file?: string): XmlElement {
  return new Parser(text, file).document();
}

interface OpenElement {
  name: string;
  rawAttrs: { name: string; value: string; pos: number }[];
  children: XmlNode[];
  scope: Map<string, string>;
  pos: number;
}

class Parser {
  private i = 0;
  private lineStarts: number[] | null = null;

  constructor(
    private readonly s: string,
    private readonly file: string | undefined,
  ) {
    if (s.charCodeAt(0) === 0xfeff) this.i = 1;
  }

  private where(pos: number): { line: number; col: number } {
    if (!this.lineStarts) {
      const ls = [0];
      for (let k = 0; k < this.s.length; k++) if (this.s.charCodeAt(k) === 10) ls.push(k + 1);
      this.lineStarts = ls;
    }
    const ls = this.lineStarts;
    let lo = 0;
    let hi = ls.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ls[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: pos - ls[lo]! + 1 };
  }

  private fail(message: string, pos = this.i): never {
    const { line, col } = this.where(pos);
    throw new XmlError(message, this.file, line, col);
  }

  private startsWith(tok: string): boolean {
    return this.s.startsWith(tok, this.i);
  }

  private skipSpace(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  private name(): string {
    NAME_RE.lastIndex = this.i;
    const m = NAME_RE.exec(this.s);
    if (!m) this.fail(`expected a name, found ${this.describeHere()}`);
    if (m[0].length > MAX_XML_NAME) this.fail(`name longer than ${MAX_XML_NAME} characters`);
    this.i += m[0].length;
    return m[0];
  }

  private describeHere(): string {
    return this.i >= this.s.length ? 'end of file' : `'${this.s[this.i]}'`;
  }

  private expect(tok: string): void {
    if (!this.startsWith(tok)) this.fail(`expected '${tok}', found ${this.describeHere()}`);
    this.i += tok.length;
  }

  /** Skips a comment, PI or DOCTYPE at the cursor; returns false when none is there. */
  private misc(): boolean {
    if (this.startsWith('<!--')) {
      const end = this.s.indexOf('-->', this.i + 4);
      if (end < 0) this.fail('unterminated comment');
      if (this.s.slice(this.i + 4, end).includes('--')) this.fail("'--' inside a comment");
      this.i = end + 3;
      return true;
    }
    if (this.startsWith('<?')) {
      const start = this.i;
      this.i += 2;
      const target = this.name();
      if (target.toLowerCase() === 'xml' && start !== (this.s.charCodeAt(0) === 0xfeff ? 1 : 0))
        this.fail('XML declaration not at the start of the document', start);
      const end = this.s.indexOf('?>', this.i);
      if (end < 0) this.fail('unterminated processing instruction', start);
      this.i = end + 2;
      return true;
    }
    return false;
  }

  document(): XmlElement {
    const s = this.s;
    for (;;) {
      this.skipSpace();
      if (this.misc()) continue;
      if (this.startsWith('<!DOCTYPE')) {
        const start = this.i;
        const gt = s.indexOf('>', this.i);
        const br = s.indexOf('[', this.i);
        if (br >= 0 && (gt < 0 || br < gt)) this.fail('internal DTD subsets are not supported', start);
        if (gt < 0) this.fail('unterminated DOCTYPE', start);
        this.i = gt + 1;
        continue;
      }
      break;
    }
    if (this.i >= s.length || s[this.i] !== '<')
      this.fail(`expected the root element, found ${this.describeHere()}`);
    const root = this.element(new Map([['xml', XML_NS]]));
    for (;;) {
      this.skipSpace();
      if (this.i >= s.length) break;
      if (!this.misc()) this.fail('content after the root element');
    }
    return root;
  }

  /** Parses one element (cursor at '<'); iterative over nesting depth so deep documents cannot overflow. */
  private element(rootScope: Map<string, string>): XmlElement {
    const s = this.s;
    const stack: OpenElement[] = [];
    let result: XmlElement | null = null;
    const close = (open: OpenElement): void => {
      const el = this.finish(open);
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else result = el;
    };
    const openTag = (scope: Map<string, string>): void => {
      const pos = this.i;
      this.i++; // '<'
      const name = this.name();
      const rawAttrs: OpenElement['rawAttrs'] = [];
      let localScope = scope;
      for (;;) {
        const before = this.i;
        this.skipSpace();
        if (this.startsWith('/>') || this.startsWith('>')) break;
        if (this.i === before) this.fail(`expected whitespace, '>' or '/>' in tag <${name}>`);
        const apos = this.i;
        const an = this.name();
        this.skipSpace();
        this.expect('=');
        this.skipSpace();
        const value = this.attrValue();
        if (rawAttrs.some((a) => a.name === an)) this.fail(`duplicate attribute '${an}' on <${name}>`, apos);
        rawAttrs.push({ name: an, value, pos: apos });
        if (an === 'xmlns' || an.startsWith('xmlns:')) {
          if (localScope === scope) localScope = new Map(scope);
          const prefix = an === 'xmlns' ? '' : an.slice(6);
          if (prefix !== '' && value === '') this.fail(`empty namespace for prefix '${prefix}'`, apos);
          localScope.set(prefix, value);
        }
      }
      const open: OpenElement = { name, rawAttrs, children: [], scope: localScope, pos };
      if (this.startsWith('/>')) {
        this.i += 2;
        close(open);
      } else {
        this.i++;
        if (stack.length >= MAX_XML_DEPTH)
          this.fail(`elements nested deeper than ${MAX_XML_DEPTH} levels`, pos);
        stack.push(open);
      }
    };

    openTag(rootScope);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (this.i >= s.length) this.fail(`unclosed element <${top.name}>`, top.pos);
      const c = s.charCodeAt(this.i);
      if (c !== 60 /* < */) {
        this.text(top);
        continue;
      }
      if (this.startsWith('</')) {
        const pos = this.i;
        this.i += 2;
        const name = this.name();
        this.skipSpace();
        this.expect('>');
        if (name !== top.name) this.fail(`end tag </${name}> does not match <${top.name}>`, pos);
        stack.pop();
        close(top);
      } else if (this.startsWith('<![CDATA[')) {
        const pos = this.i;
        const end = s.indexOf(']]>', this.i + 9);
        if (end < 0) this.fail('unterminated CDATA section');
        this.pushText(top, s.slice(this.i + 9, end), pos);
        this.i = end + 3;
      } else if (this.misc()) {
        // comment or processing instruction inside content
      } else if (this.startsWith('<!')) {
        this.fail('unexpected markup declaration inside an element');
      } else {
        if (!NAME_START.test(s[this.i + 1] ?? '')) this.fail(`expected a tag name after '<'`);
        openTag(top.scope);
      }
    }
    return result!;
  }

  private pushText(open: OpenElement, text: string, pos: number): void {
    const last = open.children[open.children.length - 1];
    if (last && last.kind === 'text') {
      open.children[open.children.length - 1] = { ...last, text: last.text + text };
    } else {
      const { line, col } = this.where(pos);
      open.children.push({ kind: 'text', text, line, col });
    }
  }

  private text(open: OpenElement): void {
    const s = this.s;
    const start = this.i;
    let out = '';
    let run = this.i;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 60) break;
      if (c === 38 /* & */) {
        out += s.slice(run, this.i);
        out += this.reference();
        run = this.i;
        continue;
      }
      if (c === 62 && s.startsWith(']]>', this.i - 2)) this.fail("']]>' in text");
      this.i++;
    }
    out += s.slice(run, this.i);
    this.pushText(open, normalizeNewlines(out), start);
  }

  private attrValue(): string {
    const s = this.s;
    const q = s[this.i];
    if (q !== '"' && q !== "'") this.fail('expected a quoted attribute value');
    this.i++;
    let out = '';
    let run = this.i;
    for (;;) {
      if (this.i >= s.length) this.fail('unterminated attribute value');
      const ch = s[this.i];
      if (ch === q) break;
      if (ch === '<') this.fail("'<' in attribute value");
      if (ch === '&') {
        out += s.slice(run, this.i);
        out += this.reference();
        run = this.i;
        continue;
      }
      this.i++;
    }
    out += s.slice(run, this.i);
    this.i++;
    // Attribute-value normalisation (XML 1.0 section 3.3.3): literal whitespace becomes a space.
    return out.replace(/\r\n|[\r\n\t]/g, ' ');
  }

  /** An entity or character reference at the cursor ('&'). */
  private reference(): string {
    const s = this.s;
    const start = this.i;
    const semi = s.indexOf(';', start);
    if (semi < 0 || semi - start > 12) this.fail("'&' not followed by a reference ending in ';'");
    const body = s.slice(start + 1, semi);
    this.i = semi + 1;
    if (body.startsWith('#')) {
      const hex = body[1] === 'x';
      const digits = body.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits))
        this.fail(`bad character reference '&${body};'`, start);
      const code = Number.parseInt(digits, hex ? 16 : 10);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        this.fail(`character reference '&${body};' is not a valid character`, start);
      return String.fromCodePoint(code);
    }
    const v = own(PREDEFINED, body);
    if (v === undefined) this.fail(`unknown entity '&${body};'`, start);
    return v;
  }

  private finish(open: OpenElement): XmlElement {
    const resolve = (qname: string, isAttr: boolean, pos: number): { local: string; ns?: string } => {
      const colon = qname.indexOf(':');
      if (colon < 0) {
        if (isAttr) return { local: qname };
        const ns = open.scope.get('');
        return ns ? { local: qname, ns } : { local: qname };
      }
      const prefix = qname.slice(0, colon);
      const local = qname.slice(colon + 1);
      if (prefix === 'xmlns') return { local, ns: XMLNS_NS };
      const ns = open.scope.get(prefix);
      if (ns === undefined) this.fail(`namespace prefix '${prefix}' is not declared`, pos);
      return { local, ns };
    };
    const attrs: XmlAttr[] = [];
    for (const a of open.rawAttrs) {
      if (a.name === 'xmlns') {
        attrs.push({ name: a.name, local: 'xmlns', ns: XMLNS_NS, value: a.value });
        continue;
      }
      const r = resolve(a.name, true, a.pos);
      attrs.push(
        r.ns !== undefined
          ? { name: a.name, local: r.local, ns: r.ns, value: a.value }
          : { name: a.name, local: r.local, value: a.value },
      );
    }
    const r = resolve(open.name, false, open.pos);
    const { line, col } = this.where(open.pos);
    const el: XmlElement = {
      kind: 'element',
      name: open.name,
      local: r.local,
      ...(r.ns !== undefined ? { ns: r.ns } : {}),
      attrs,
      children: open.children,
      line,
      col,
    };
    return el;
  }
}

function normalizeNewlines(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}
