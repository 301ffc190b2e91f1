/** A progress bar on stderr, drawn only when stderr is a terminal (never in pipes, logs or CI). */
import type { CliIo } from './command.js';

export interface Progress {
  readonly update: (done: number, total: number) => void;
  readonly done: () => void;
}

export function progressBar(io: CliIo, unit: string, width = 30): Progress {
  if (!io.isTTY) return { update: () => {}, done: () => {} };
  let last = -1;
  let drawn = false;
  return {
    update(done, total) {
      const frac = total > 0 ? Math.min(1, done / total) : 1;
      const pct = Math.floor(frac * 100);
      if (pct === last) return;
      last = pct;
      const fill = Math.round(frac * width);
      io.stderr(`\r[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${pct}% ${done}/${total} ${unit}`);
      drawn = true;
    },
    done() {
      if (drawn) io.stderr('\n');
    },
  };
}
