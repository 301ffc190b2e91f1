/** SBML Level 3 import/export: the public surface of src/io/sbml. */

export { UnsupportedError } from './errors.js';
export { exportSbml } from './export.js';
export { importSbml, importSbmlDetailed, type SbmlImport } from './import.js';
export { parseXml, type XmlElement, XmlError, type XmlNode } from './xml.js';
