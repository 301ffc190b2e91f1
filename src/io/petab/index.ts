/**
 * PEtab v1 problem files: the YAML index (read with the maintained `yaml` package) and the tables it names,
 * resolved relative to the YAML file. `readPetab(path)` returns plain data: the SBML model of each
 * (sub)problem and its typed tables. Simulation and the likelihood live in src/petab/.
 */

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { InputError } from '../../errors.js';
import type { Model } from '../../model/types.js';
import { importSbmlDetailed } from '../sbml/index.js';
import {
  type Condition,
  type Measurement,
  type Observable,
  type ParameterRow,
  readConditions,
  readMeasurements,
  readObservables,
  readParameters,
} from './tables.js';
import { readTsv, type TsvTable } from './tsv.js';

export type * from './tables.js';
export { parseTsv, readTsv, type TsvTable } from './tsv.js';

export interface PetabSubproblem {
  readonly sbmlFile: string;
  readonly model: Model;
  readonly conditions: readonly Condition[];
  readonly measurements: readonly Measurement[];
  /** The measurement tables as read (for writing the simulation table with every column kept). */
  readonly measurementTables: readonly TsvTable[];
  readonly observables: readonly Observable[];
}

export interface PetabSpec {
  readonly file: string;
  readonly parameters: readonly ParameterRow[];
  readonly problems: readonly PetabSubproblem[];
}

function strings(v: unknown, file: string, path: string): string[] {
  if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === 'string'))
    throw new InputError('expected a non-empty list of file names', { file, path });
  return v as string[];
}

/** Reads a PEtab v1 YAML file and everything it names. Every error is an InputError naming file and place. */
export function readPetab(file: string, options: { onWarning?: (m: string) => void } = {}): PetabSpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read PEtab YAML: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, {
      file,
    });
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, lineCounter });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const pos = lineCounter.linePos(err.pos[0]);
    throw new InputError(`malformed YAML: ${err.message.split('\n')[0]}`, {
      file,
      path: `line ${pos.line}, column ${pos.col}`,
    });
  }
  const y = doc.toJS() as Record<string, unknown> | null;
  if (y === null || typeof y !== 'object' || Array.isArray(y))
    throw new InputError('expected a mapping at the top level', { file });
  const version = y.format_version;
  if (version !== 1 && version !== '1' && version !== '1.0.0')
    throw new InputError(`expected 1 (PEtab v1), got ${JSON.stringify(version)}`, {
      file,
      path: 'format_version',
    });
  const dir = dirname(file);
  const at = (f: string): string => resolve(dir, f);
  if (typeof y.parameter_file !== 'string')
    throw new InputError('expected the name of the parameter table', { file, path: 'parameter_file' });
  const parameters = readParameters(readTsv(at(y.parameter_file)));
  const seen = new Set<string>();
  for (const p of parameters) {
    if (seen.has(p.id))
      throw new InputError(`duplicate parameterId '${p.id}'`, { file: p.file, path: `line ${p.line}` });
    seen.add(p.id);
  }
  if (!Array.isArray(y.problems) || y.problems.length === 0)
    throw new InputError('expected a non-empty list of problems', { file, path: 'problems' });
  const problems = y.problems.map((pr: Record<string, unknown>, k: number): PetabSubproblem => {
    const path = `problems[${k}]`;
    if (pr === null || typeof pr !== 'object') throw new InputError('expected a mapping', { file, path });
    const sbml = strings(pr.sbml_files, file, `${path}.sbml_files`);
    if (sbml.length !== 1)
      throw new InputError('expected exactly one SBML file', { file, path: `${path}.sbml_files` });
    const tables = <T>(key: string, read: (f: string) => T[]): T[] =>
      strings(pr[key], file, `${path}.${key}`).flatMap((f) => read(at(f)));
    const sbmlFile = at(sbml[0]!);
    const measurementTables = strings(pr.measurement_files, file, `${path}.measurement_files`).map((f) =>
      readTsv(at(f)),
    );
    return {
      sbmlFile,
      conditions: tables('condition_files', (f) => readConditions(readTsv(f))),
      measurements: measurementTables.flatMap(readMeasurements),
      measurementTables,
      observables: tables('observable_files', (f) => readObservables(readTsv(f))),
      // Last, so that errors in the tables are reported even when the model cannot be read.
      model: readSbml(sbmlFile, options),
    };
  });
  return { file, parameters, problems };
}

/** The problem's SBML model (any Level), with import warnings passed on; an unreadable file names itself. */
function readSbml(path: string, options: { onWarning?: (m: string) => void }): Model {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read SBML file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, {
      file: path,
    });
  }
  const { model, warnings } = importSbmlDetailed(text, path);
  for (const w of warnings) options.onWarning?.(w);
  return model;
}
