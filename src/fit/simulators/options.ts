/** Reading simulator options from problem data, with errors that name the path. */
import { InputError } from '../../errors.js';

export function optionNumber(
  options: Readonly<Record<string, unknown>>,
  key: string,
  path: string,
  check: { dflt?: number; integer?: boolean; min?: number; positive?: boolean } = {},
): number {
  const v = options[key] ?? check.dflt;
  const where = { path: `${path}.${key}` };
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new InputError(`expected a finite number, got ${JSON.stringify(v)}`, where);
  if (check.integer && !Number.isInteger(v)) throw new InputError(`expected an integer, got ${v}`, where);
  if (check.min !== undefined && v < check.min)
    throw new InputError(`expected at least ${check.min}, got ${v}`, where);
  if (check.positive && !(v > 0)) throw new InputError(`expected a positive number, got ${v}`, where);
  return v;
}

export function checkKnownOptions(
  options: Readonly<Record<string, unknown>>,
  known: readonly string[],
  path: string,
): void {
  for (const k of Object.keys(options))
    if (!known.includes(k))
      throw new InputError(`unknown option '${k}' (expected ${known.join(', ') || 'none'})`, {
        path: `${path}.${k}`,
      });
}
