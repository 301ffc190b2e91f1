/** SBML Level 3 import/export: the public surface of src/io/sbml. */
import { readFileSync } from 'node:fs';
import { InputError } from '../../errors.js';
import type { Model } from '../../model/types.js';
import { importSbml } from './import.js';

export { UnsupportedError } from './errors.js';
export { exportSbml } from './export.js';
export { importSbml, importSbmlDetailed, type SbmlImport } from './import.js';
export { parseXml, type XmlElement, XmlError, type XmlNode } from './xml.js';

/** True for file names SBML import should handle (.xml, .sbml). */
export function isSbmlPath(path: string): boolean {
  return /\.(xml|sbml)$/i.test(path);
}

/** Reads and imports an SBML file; a missing or unreadable file is an InputError (exit code 2). */
export function readSbmlModel(path: string): Model {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read SBML file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, {
      file: path,
    });
  }
  return importSbml(text, path);
}
