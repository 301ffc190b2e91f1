/**
 * Structured arbitraries over XML: grammar-built MathML, and tree mutations of real SBML documents (set an
 * attribute to a nasty value, drop, duplicate or move an element, replace its content) on top of text
 * mutations, so that inputs stay well-formed often enough to reach the SBML importer and the compiler.
 */
import fc from 'fast-check';
import { parseXml, type XmlAttr, type XmlElement, type XmlNode } from '../../src/io/sbml/xml.js';
import { mutatedText, NASTY_VALUES, place, spot } from './harness.js';
import { writeXml } from './seeds.js';

export const XML_TOKENS: readonly string[] = [
  '<',
  '>',
  '</',
  '/>',
  '<a>',
  '</a>',
  '<apply>',
  '</apply>',
  '<![CDATA[x]]>',
  '<!-- c -->',
  '<?pi x?>',
  '<!DOCTYPE sbml>',
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
  '<!ENTITY e SYSTEM "file:///etc/passwd">',
  '&e;',
  '&amp;',
  '&#0;',
  '&#x1F600;',
  '&#xD800;',
  '&lt',
  '"',
  "'",
  '=',
  ' xmlns:p="urn:p"',
  ' p:a="1"',
  'xmlns=""',
  '\u0000',
  '\uFEFF',
  '\r\n',
  ']]>',
];

const MATH_NS = 'http://www.w3.org/1998/Math/MathML';
const OPERATORS = [
  'plus',
  'minus',
  'times',
  'divide',
  'power',
  'root',
  'log',
  'ln',
  'exp',
  'abs',
  'floor',
  'ceiling',
  'factorial',
  'sin',
  'cos',
  'tan',
  'arcsinh',
  'sec',
  'eq',
  'neq',
  'lt',
  'leq',
  'gt',
  'geq',
  'and',
  'or',
  'xor',
  'not',
  'implies',
  'min',
  'max',
  'quotient',
  'rem',
  'degree',
  'logbase',
  'bvar',
  'lambda',
  'foo',
];
const CSYMBOLS = [
  'http://www.sbml.org/sbml/symbols/time',
  'http://www.sbml.org/sbml/symbols/delay',
  'http://www.sbml.org/sbml/symbols/avogadro',
  'http://www.sbml.org/sbml/symbols/rateOf',
  'http://www.sbml.org/sbml/symbols/distrib/normal',
  'http://www.sbml.org/sbml/symbols/distrib/poisson',
  'http://example.org/unknown',
];
const NUMBERS = [
  '1',
  '0',
  '-0',
  '2.5',
  '1e400',
  '-1e-400',
  'NaN',
  'INF',
  '-inf',
  'abc',
  ' 3 ',
  '1.',
  '.5',
  '1e',
  '',
];
const NAMES = [
  'S',
  'k',
  'c',
  'x',
  'f',
  'P',
  'q',
  'time',
  'constructor',
  '__proto__',
  'return',
  'π',
  '1a',
  '',
];

/** A MathML expression as text, from the Content MathML grammar with some off-grammar choices. */
export const mathmlExpr: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .tuple(
        fc.constantFrom(...NUMBERS),
        fc.constantFrom('', ' type="integer"', ' type="rational"', ' type="e-notation"', ' type="bogus"'),
      )
      .map(([v, t]) =>
        t.includes('rational') || t.includes('e-notation')
          ? `<cn${t}>${v}<sep/>${v}</cn>`
          : `<cn${t}>${v}</cn>`,
      ),
    fc.constantFrom(...NAMES).map((n) => `<ci> ${n} </ci>`),
    fc.constantFrom(
      '<pi/>',
      '<exponentiale/>',
      '<true/>',
      '<false/>',
      '<infinity/>',
      '<notanumber/>',
      '<pi>1</pi>',
    ),
    fc.constantFrom(...CSYMBOLS).map((u) => `<csymbol encoding="text" definitionURL="${u}">s</csymbol>`),
    fc
      .tuple(fc.constantFrom(...OPERATORS), fc.array(tie('node'), { maxLength: 4 }))
      .map(([op, args]) => `<apply><${op}/>${args.join('')}</apply>`),
    fc
      .tuple(fc.constantFrom(...CSYMBOLS), fc.array(tie('node'), { maxLength: 4 }))
      .map(([u, args]) => `<apply><csymbol definitionURL="${u}">s</csymbol>${args.join('')}</apply>`),
    fc
      .tuple(fc.constantFrom('f', 'g', 'S'), fc.array(tie('node'), { maxLength: 3 }))
      .map(([f, args]) => `<apply><ci>${f}</ci>${args.join('')}</apply>`),
    fc
      .tuple(
        fc.constantFrom('degree', 'logbase'),
        tie('node'),
        tie('node'),
        fc.constantFrom('root', 'log', 'plus'),
      )
      .map(([q, a, b, op]) => `<apply><${op}/><${q}>${a}</${q}>${b}</apply>`),
    fc
      .tuple(fc.array(fc.tuple(tie('node'), tie('node')), { maxLength: 3 }), fc.option(tie('node')))
      .map(
        ([ps, o]) =>
          `<piecewise>${ps.map(([v, c]) => `<piece>${v}${c}</piece>`).join('')}${o === null ? '' : `<otherwise>${o}</otherwise>`}</piecewise>`,
      ),
    tie('node').map((x) => `<semantics>${x}<annotation>a</annotation></semantics>`),
  ),
})).node;

/** A `<math>` document, valid MathML or near it. */
export const mathmlDoc: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: mathmlExpr.map((e) => `<math xmlns="${MATH_NS}">${e}</math>`) },
  {
    weight: 1,
    arbitrary: mutatedText(
      mathmlExpr.map((e) => `<math xmlns="${MATH_NS}">${e}</math>`),
      XML_TOKENS,
    ),
  },
);

type MutableEl = { -readonly [K in keyof XmlElement]: XmlElement[K] } & {
  children: XmlNode[];
  attrs: XmlAttr[];
};

function clone(el: XmlElement): MutableEl {
  return {
    ...el,
    attrs: [...el.attrs],
    children: el.children.map((c) => (c.kind === 'element' ? clone(c) : c)),
  };
}

function elements(root: MutableEl): { el: MutableEl; parent: MutableEl | null }[] {
  const out: { el: MutableEl; parent: MutableEl | null }[] = [{ el: root, parent: null }];
  for (let i = 0; i < out.length; i++) {
    for (const c of out[i]!.el.children)
      if (c.kind === 'element') out.push({ el: c as MutableEl, parent: out[i]!.el });
  }
  return out;
}

const ATTR_NAMES = [
  'id',
  'value',
  'size',
  'initialAmount',
  'initialConcentration',
  'stoichiometry',
  'variable',
  'species',
  'compartment',
  'constant',
  'level',
  'version',
  'units',
  'metaid',
  'definitionURL',
  'type',
];

const treeEdit = fc.tuple(
  fc.constantFrom('attr', 'attr', 'attr', 'drop', 'dup', 'move', 'text', 'math', 'reverse'),
  spot,
  spot,
  fc.constantFrom(...ATTR_NAMES),
  fc.constantFrom(...NASTY_VALUES, ...NUMBERS),
  mathmlExpr,
);

/** A document from a seed by tree edits (well-formed) and, sometimes, text edits (often not). */
export function mutatedXml(seeds: readonly string[]): fc.Arbitrary<string> {
  const parsed = seeds.map((s) => parseXml(s));
  const tree = fc
    .tuple(fc.integer({ min: 0, max: parsed.length - 1 }), fc.array(treeEdit, { minLength: 1, maxLength: 5 }))
    .map(([k, edits]) => {
      const root = clone(parsed[k]!);
      for (const [kind, f, g, name, value, math] of edits) {
        const all = elements(root);
        const { el, parent } = all[place(f, all.length)]!;
        if (kind === 'attr') {
          const i = el.attrs.findIndex((a) => a.name === name);
          const a: XmlAttr = { name, local: name, value };
          if (i >= 0) el.attrs[i] = a;
          else el.attrs.push(a);
        } else if (kind === 'drop' && parent) parent.children.splice(parent.children.indexOf(el), 1);
        else if (kind === 'dup' && parent) parent.children.splice(parent.children.indexOf(el), 0, clone(el));
        else if (kind === 'move' && parent) {
          const to = all[place(g, all.length)]!.el;
          if (to !== el && !elements(el).some((x) => x.el === to)) {
            parent.children.splice(parent.children.indexOf(el), 1);
            to.children.push(el);
          }
        } else if (kind === 'text') el.children = [{ kind: 'text', text: value, line: 1, col: 1 }];
        else if (kind === 'math' && el.local === 'math')
          el.children = [parseXml(`<m xmlns="${MATH_NS}">${math}</m>`).children[0]!];
        else if (kind === 'reverse') el.children.reverse();
      }
      return writeXml(root);
    });
  return fc.oneof(
    { weight: 3, arbitrary: tree },
    { weight: 1, arbitrary: mutatedText(fc.constantFrom(...seeds), XML_TOKENS) },
  );
}
