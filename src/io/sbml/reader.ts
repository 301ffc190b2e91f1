/** Typed access to SBML element attributes, with errors that name the element. */
import { InputError } from '../../errors.js';
import type { Dialect } from './dialect.js';
import { attr, childElements, type XmlElement } from './xml.js';

const SID = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class SbmlReader {
  readonly warnings: string[] = [];
  /** Elements (by id) with a value written as NaN: unlike an unset value, never defaulted (import.ts). */
  readonly explicitNaN = new Map<string, { el: XmlElement; name: string }>();
  constructor(
    readonly file: string | undefined,
    readonly dialect: Dialect,
  ) {}

  /** Level 1 names things by `name` (its identifier); Levels 2 and 3 by `id`. */
  get l1(): boolean {
    return this.dialect.level === 1;
  }

  /** The identifier of a component: `id`, or `name` in Level 1. */
  id(el: XmlElement): string {
    return this.sid(el, this.l1 ? 'name' : 'id');
  }

  /** The display name of a component (Level 1 has none apart from its identifier). */
  name(el: XmlElement): string | undefined {
    return this.l1 ? undefined : attr(el, 'name');
  }

  /** `species 'S1'` or `<species>` at line n, for messages. */
  describe(el: XmlElement): string {
    const id =
      attr(el, 'id') ??
      attr(el, 'symbol') ??
      attr(el, 'variable') ??
      (this.l1 ? (attr(el, 'name') ?? attr(el, 'species') ?? attr(el, 'compartment')) : undefined);
    return id !== undefined ? `${el.local} '${id}'` : `<${el.local}> at line ${el.line}`;
  }

  fail(el: XmlElement, message: string): never {
    throw new InputError(`${this.describe(el)}: ${message}`, { file: this.file });
  }

  warn(el: XmlElement, message: string): void {
    this.warnings.push(`${this.describe(el)}: ${message}`);
  }

  sid(el: XmlElement, name = 'id'): string {
    const v = attr(el, name);
    if (v === undefined) this.fail(el, `missing attribute '${name}' (line ${el.line})`);
    if (!SID.test(v)) this.fail(el, `attribute ${name}='${v}' is not a valid SBML identifier`);
    return v;
  }

  optSid(el: XmlElement, name: string): string | undefined {
    return attr(el, name) === undefined ? undefined : this.sid(el, name);
  }

  num(el: XmlElement, name: string): number | undefined {
    const v = attr(el, name);
    if (v === undefined) return undefined;
    const s = v.trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
    if (s === 'INF') return Number.POSITIVE_INFINITY;
    if (s === '-INF') return Number.NEGATIVE_INFINITY;
    if (s === 'NaN') {
      const id = attr(el, 'id');
      if (id !== undefined) this.explicitNaN.set(id, { el, name });
      return Number.NaN;
    }
    return this.fail(el, `attribute ${name}='${v}' is not a number`);
  }

  bool(el: XmlElement, name: string): boolean | undefined {
    const v = attr(el, name)?.trim();
    if (v === undefined) return undefined;
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    return this.fail(el, `attribute ${name}='${v}' is not a boolean`);
  }

  /**
   * Elements of `<listOfX>` children named `item` (or any of `item`'s spellings, e.g. Level 1's `specie`
   * and `species`); several lists of one kind are an error.
   */
  list(parent: XmlElement, listName: string, item: string | readonly string[]): XmlElement[] {
    const items = typeof item === 'string' ? [item] : item;
    const lists = childElements(parent, listName);
    if (lists.length > 1) this.fail(parent, `more than one <${listName}>`);
    if (lists.length === 0) return [];
    const out: XmlElement[] = [];
    for (const c of childElements(lists[0]!)) {
      if (items.includes(c.local)) out.push(c);
      else if (c.local !== 'notes' && c.local !== 'annotation')
        this.fail(lists[0]!, `unexpected <${c.local}> at line ${c.line}`);
    }
    return out;
  }

  /** The single child `<math>` of an element, if present. */
  math(el: XmlElement): XmlElement | undefined {
    const ms = childElements(el, 'math');
    if (ms.length > 1) this.fail(el, 'more than one <math>');
    return ms[0];
  }
}
