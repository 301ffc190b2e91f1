/**
 * SBML Levels and Versions: which one a document is (from its namespace, cross-checked with the `level`
 * and `version` attributes of `<sbml>`), and the few spellings that differ between them. The importer reads
 * every Level into the one model value, which follows Level 3 semantics; the differences in defaults and
 * constructs are handled where each element is read (see import-parts.ts).
 */
import { UnsupportedError } from './errors.js';
import { attr, type XmlElement } from './xml.js';

export interface Dialect {
  readonly level: 1 | 2 | 3;
  readonly version: number;
  /** The core namespace of the document. */
  readonly ns: string;
}

/** Core namespace URI of each supported Level/Version (SBML specifications, section "XML namespace"). */
export const SBML_NAMESPACES: Readonly<Record<string, Dialect>> = Object.fromEntries(
  (
    [
      [1, 1, 'http://www.sbml.org/sbml/level1'],
      [1, 2, 'http://www.sbml.org/sbml/level1'],
      [2, 1, 'http://www.sbml.org/sbml/level2'],
      [2, 2, 'http://www.sbml.org/sbml/level2/version2'],
      [2, 3, 'http://www.sbml.org/sbml/level2/version3'],
      [2, 4, 'http://www.sbml.org/sbml/level2/version4'],
      [2, 5, 'http://www.sbml.org/sbml/level2/version5'],
      [3, 1, 'http://www.sbml.org/sbml/level3/version1/core'],
      [3, 2, 'http://www.sbml.org/sbml/level3/version2/core'],
    ] as const
  ).map(([level, version, ns]) => [`${level}.${version}`, { level, version, ns }]),
);

/**
 * The Level and Version of a document from its root element. The namespace decides; `level`/`version`
 * attributes that contradict it are an error (Level 1 shares one namespace across its two Versions, so
 * there the attribute picks the Version).
 */
export function dialectOf(root: XmlElement, file?: string): Dialect {
  const level = attr(root, 'level');
  const version = attr(root, 'version');
  const where = `<${root.name}> at line ${root.line}`;
  if (root.local !== 'sbml')
    throw new UnsupportedError('level', `root ${where} is not an SBML document (expected <sbml>)`, { file });
  const byNs = Object.values(SBML_NAMESPACES).filter((d) => d.ns === root.ns);
  if (byNs.length === 0) {
    const said = level !== undefined ? ` (level ${level} version ${version ?? '?'})` : '';
    throw new UnsupportedError(
      'level',
      `${where}: namespace '${root.ns ?? '(none)'}'${said} is not an SBML core namespace of Level 1, 2 or 3`,
      { file },
    );
  }
  const d =
    byNs.length === 1
      ? byNs[0]!
      : (byNs.find((x) => String(x.version) === version) ?? byNs[byNs.length - 1]!);
  if (
    (level !== undefined && level !== String(d.level)) ||
    (version !== undefined && version !== String(d.version))
  )
    throw new UnsupportedError(
      'level',
      `${where}: level="${level}" version="${version}" contradicts the namespace of SBML Level ${d.level} Version ${d.version}`,
      { file },
    );
  return d;
}
