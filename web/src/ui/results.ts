/** The result on screen: the chart (SVG from our own chart code) and the values at t end, per output and arm. */
import { columnIndex } from '../../../src/engines/columns.js';
import { chartSvg } from '../app/chart.js';
import type { YScale } from '../app/state.js';
import type { ResultSet } from '../engine/protocol.js';
import { fill, fmt, h } from './dom.js';

export function renderResult(
  chart: HTMLElement,
  table: HTMLElement,
  r: ResultSet,
  outputs: readonly string[],
  yScale: YScale,
  timeUnit: string | undefined,
): void {
  const width = Math.max(480, Math.min(1000, chart.clientWidth || 760));
  // chartSvg escapes every text it writes (src/report/markup.ts), model ids and names included.
  chart.innerHTML = chartSvg(r, { outputs, yScale, timeUnit, width });
  const n = r.t.length;
  const w = r.ids.length;
  const rows = r.arms.flatMap((a) =>
    outputs
      .filter((id) => r.ids.includes(id))
      .map((id) => {
        const v = a.values[(n - 1) * w + columnIndex(r.ids, id)]!;
        // data-value holds the exact double (what the browser test compares with node).
        const cell = {
          class: 'num',
          'data-output': id,
          'data-arm': a.name,
          'data-value': String(v),
          title: String(v),
        };
        return h(
          'tr',
          {},
          h('td', {}, id),
          h('td', {}, r.arms.length > 1 ? a.name : r.kind === 'ensemble' ? 'mean' : ''),
          h('td', cell, fmt(v)),
        );
      }),
  );
  const runs = r.kind === 'ensemble' ? ` (${r.runsDone} of ${r.runs} runs)` : '';
  fill(table, h('caption', {}, `At t = ${fmt(r.t[n - 1]!)}${runs}`), h('tbody', {}, ...rows));
}
