/**
 * The built-in model library and its registry of ids (for `cscsim simulate ID`, `cscsim export ID`).
 * Ids: `her2csc` (MCF7, mammary fat pad) and `her2csc-<line>-<site>[-trastuzumab]` with line one of
 * mcf7, zr751, bt474, sum159 and site fatpad or bone; `-trastuzumab` adds 10 mg/kg twice weekly from day 1.
 */
import { InputError } from '../errors.js';
import type { Model } from '../model/types.js';
import { type Her2CscOptions, her2Csc, presetParams } from './her2Csc.js';
import { type CellLine, cellLines, type Site, sites } from './presets.js';

export { type Her2CscOptions, her2Csc, presetParams } from './her2Csc.js';
export type { ParamSpec } from './parameters.js';
export { type CellLine, cellLines, isCellLine, linePresets, type Site, sites } from './presets.js';
export { type RegimenId, regimens, type Schedule, scheduleDose } from './regimens.js';

const lineKey = (l: CellLine): string => l.toLowerCase().replace('-', '');

interface Entry {
  readonly line: CellLine;
  readonly options: Her2CscOptions;
}

const registry = new Map<string, Entry>();
registry.set('her2csc', { line: 'MCF7', options: {} });
for (const line of cellLines) {
  for (const site of sites as readonly Site[]) {
    const id = `her2csc-${lineKey(line)}-${site}`;
    registry.set(id, { line, options: { site } });
    registry.set(`${id}-trastuzumab`, {
      line,
      options: { site, schedules: [{ regimen: 'mouse-10-biw', start: 1 }] },
    });
  }
}

/** Ids of every built-in model. */
export const modelIds: readonly string[] = [...registry.keys()];

/** A built-in model by id; InputError (exit 2) on an unknown id. */
export function getModel(id: string): Model {
  const e = registry.get(id);
  if (!e) throw new InputError(`unknown built-in model '${id}' (known: ${modelIds.join(', ')})`);
  return her2Csc(e.line, e.options);
}

/** The library as one namespace: `models.her2Csc('MCF7', { site: 'bone' })`. */
export const models = { her2Csc, presetParams, getModel, modelIds } as const;
