/**
 * SBML namespaces, and the check that a document uses SBML Level 3 core only: any element or attribute
 * from a package namespace (comp, fbc, distrib, layout, ...) outside notes and annotations is reported
 * as unsupported, never silently ignored.
 */
import { UnsupportedError } from './errors.js';
import { MATHML_NS } from './mathml.js';
import type { XmlElement } from './xml.js';

export const SBML_L3V2 = 'http://www.sbml.org/sbml/level3/version2/core';
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';
/** Our own annotation namespace: parameter provenance and doses survive an export/import round trip. */
export const CSCSIM_NS = 'https://cscsim.org/sbml/annotation/v1';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** A short tag for a namespace URI: `http://www.sbml.org/sbml/level3/version1/comp/version1` -> `comp`. */
export function packageOf(uri: string): string {
  const m = /^http:\/\/www\.sbml\.org\/sbml\/level3\/version\d+\/([A-Za-z]+)\/version\d+/.exec(uri);
  return m ? m[1]! : uri;
}

function elementPath(el: XmlElement): string {
  const id = el.attrs.find((a) => a.local === 'id' && a.ns === undefined)?.value;
  return id !== undefined ? `<${el.name} id='${id}'>` : `<${el.name}>`;
}

/** Throws UnsupportedError at the first package element or attribute; `core` is the document's core URI. */
export function checkCoreOnly(root: XmlElement, core: string, file?: string): void {
  const visit = (el: XmlElement, inMath: boolean): void => {
    for (const a of el.attrs) {
      if (a.ns === undefined || a.ns === XMLNS_NS || a.ns === XML_NS || a.ns === core) continue;
      // `pkg:required` on <sbml> only declares the package; the use is elsewhere.
      if (el === root && a.local === 'required') continue;
      const pkg = packageOf(a.ns);
      throw new UnsupportedError(
        pkg,
        `line ${el.line}: attribute '${a.name}' of SBML package '${pkg}' on ${elementPath(el)} is not supported`,
        { file },
      );
    }
    for (const c of el.children) {
      if (c.kind !== 'element') continue;
      const math = inMath || c.ns === MATHML_NS;
      if (!math && c.ns !== core) {
        const pkg = packageOf(c.ns ?? '(no namespace)');
        throw new UnsupportedError(
          pkg,
          `line ${c.line}: element ${elementPath(c)} of SBML package '${pkg}' is not supported`,
          { file },
        );
      }
      if (c.local === 'notes' || c.local === 'annotation') continue;
      visit(c, math);
    }
  };
  visit(root, false);
}
