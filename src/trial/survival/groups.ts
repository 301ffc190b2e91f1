/** Group labels to integer codes, with levels in the order R gives factor levels. */
import { InputError } from '../../errors.js';
import { parseCsvNumber } from '../../io/csv.js';

export interface Groups {
  /** Distinct labels, sorted: numerically when every label is a number, else by code unit. */
  readonly levels: string[];
  /** Level index of each subject. */
  readonly code: Uint32Array;
}

/**
 * Codes `group` (one label per subject, n subjects). Numeric labels sort as numbers ("2" before "10"), as
 * R's factor() does for a numeric column; other labels sort by code unit, as R does in the C locale (UTF-16
 * code units here, the same order for ASCII).
 */
export function groupCodes(group: readonly string[], n: number): Groups {
  if (!Array.isArray(group)) throw new InputError('expected an array of labels', { path: 'group' });
  if (group.length !== n)
    throw new InputError(`group has ${group.length} labels but time has ${n}; expected one label per time`, {
      path: 'group',
    });
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const g = group[i];
    if (typeof g !== 'string')
      throw new InputError(`expected a string label, got ${String(g)}`, { path: `group[${i}]` });
    if (!seen.has(g)) seen.set(g, 0);
  }
  const levels = [...seen.keys()];
  const nums = levels.map((l) => parseCsvNumber(l));
  if (nums.every((v) => v !== undefined && Number.isFinite(v))) {
    const value = new Map(levels.map((l, k) => [l, nums[k]!]));
    levels.sort((a, b) => value.get(a)! - value.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
  } else levels.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (let k = 0; k < levels.length; k++) seen.set(levels[k], k);
  const code = new Uint32Array(n);
  for (let i = 0; i < n; i++) code[i] = seen.get(group[i])!;
  return { levels, code };
}
