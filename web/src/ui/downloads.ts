/** The download buttons: results as CSV (the CLI's format) and JSON, the current model as SBML. */
import { withParams, withRegimen } from '../app/dosing.js';
import { resultCsv, resultJson } from '../app/export.js';
import type { ViewState } from '../app/state.js';
import type { ModelInfo, ResultSet } from '../engine/protocol.js';
import { download } from './dom.js';

export interface DownloadSources {
  readonly info: () => ModelInfo | null;
  readonly result: () => ResultSet | null;
  readonly state: () => ViewState;
}

export function setupDownloads(src: DownloadSources): void {
  const button = (id: string): HTMLElement => document.getElementById(id)!;
  const name = (): string => src.info()?.model.id ?? 'cscsim';
  button('dl-csv').addEventListener('click', () => {
    const r = src.result();
    if (r) download(`${name()}-${r.kind}.csv`, resultCsv(r), 'text/csv');
  });
  button('dl-json').addEventListener('click', () => {
    const r = src.result();
    if (r) download(`${name()}-${r.kind}.json`, resultJson(r, src.state()), 'application/json');
  });
  button('dl-sbml').addEventListener('click', async () => {
    const info = src.info();
    if (!info) return;
    // Loaded on demand: the exporter is not needed to view or run a model.
    const { exportSbml } = await import('../../../src/io/sbml/export.js');
    const s = src.state();
    download(
      `${name()}.xml`,
      exportSbml(withRegimen(withParams(info.model, s.params), s.regimen)),
      'application/xml',
    );
  });
}
