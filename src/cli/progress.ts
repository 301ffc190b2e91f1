/** A progress bar on stderr, drawn only when stderr is a terminal (never in pipes, logs or CI). */
import type { CliIo } from './command.js';

export interface Progress {
  /** `detail` (e.g. epsilon, ETA) is printed after the counts. */
  readonly update: (done: number, total: number, detail?: string) => void;
  readonly done: () => void;
}

export function progressBar(io: CliIo, unit: string, width = 30): Progress {
  if (!io.isTTY) return { update: () => {}, done: () => {} };
  let last = -1;
  let drawn = false;
  return {
    update(done, total, detail) {
      const frac = total > 0 ? Math.min(1, done / total) : 1;
      const pct = Math.floor(frac * 100);
      if (pct === last) return;
      last = pct;
      const fill = Math.round(frac * width);
      const tail = detail ? ` ${detail}\x1b[K` : '';
      io.stderr(`\r[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${pct}% ${done}/${total} ${unit}${tail}`);
      drawn = true;
    },
    done() {
      if (drawn) io.stderr('\n');
    },
  };
}
