/**
 * Columns of a row-major result table ({ t, ids, y }: OdeSolution, an experiment Trajectory): by id, with a
 * clear error on an id that was not recorded instead of reading column -1 as undefined/NaN.
 */
import { ModelError } from '../errors.js';

export interface RowMajor {
  readonly t: ArrayLike<number>;
  readonly ids: readonly string[];
  /** y[i * ids.length + j] is ids[j] at t[i]. */
  readonly y: ArrayLike<number>;
}

/** Index of `id` among `ids`; ModelError naming the recorded ids when it is not there. */
export function columnIndex(ids: readonly string[], id: string): number {
  const j = ids.indexOf(id);
  if (j < 0) {
    const known = ids.length > 8 ? `${ids.slice(0, 8).join(', ')}, ...` : ids.join(', ');
    throw new ModelError(`output '${id}' was not recorded (recorded: ${known})`);
  }
  return j;
}

/** The values of one id over time. */
export function column(table: RowMajor, id: string): Float64Array {
  const j = columnIndex(table.ids, id);
  const m = table.ids.length;
  const out = new Float64Array(table.t.length);
  for (let i = 0; i < out.length; i++) out[i] = table.y[i * m + j]!;
  return out;
}
