/** SBML Level 3 import/export: the public surface of src/io/sbml. */
import { readFileSync } from 'node:fs';
import { InputError } from '../../errors.js';
import type { Model } from '../../model/types.js';
import { importSbmlDetailed } from './import.js';

export { UnsupportedError } from './errors.js';
export { exportSbml } from './export.js';
export { importSbml, importSbmlDetailed, type SbmlImport } from './import.js';
export { parseXml, type XmlElement, XmlError, type XmlNode } from './xml.js';

/** True for file names SBML import should handle (.xml, .sbml). */
export function isSbmlPath(path: string): boolean {
  return /\.(xml|sbml)$/i.test(path);
}

export interface ReadSbmlOptions {
  /** Receives each import warning (things ignored or assumed as the spec allows), one line each. */
  readonly onWarning?: (message: string) => void;
}

/**
 * Reads and imports an SBML file; a missing or unreadable file is an InputError (exit code 2).
 * Import warnings go to `options.onWarning` (the CLI prints them on stderr as `warning: ...`).
 */
export function readSbmlModel(path: string, options: ReadSbmlOptions = {}): Model {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read SBML file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, {
      file: path,
    });
  }
  const { model, warnings } = importSbmlDetailed(text, path);
  if (options.onWarning) for (const w of warnings) options.onWarning(w);
  return model;
}
