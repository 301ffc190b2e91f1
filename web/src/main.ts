/**
 * The page: reads the view from the URL, loads the model in the engine worker, builds the panels, runs on
 * every change (debounced; a new run cancels the one in flight) and writes every change back to the URL.
 */
import './style.css';
import { fitView, shownOutputs } from './app/fit.js';
import { continuousFor } from './app/species.js';
import { DEFAULT_VIEW, type ViewState } from './app/state.js';
import { decodeView, encodeView } from './app/url.js';
import { Cancelled, EngineClient } from './engine/client.js';
import type { ModelInfo, ModelSource, ResultSet, RunRequest } from './engine/protocol.js';
import { fill, h } from './ui/dom.js';
import { dosingPanel } from './ui/dosing.js';
import { setupDownloads } from './ui/downloads.js';
import { outputsPanel } from './ui/outputs.js';
import { paramsPanel } from './ui/params.js';
import { renderResult } from './ui/results.js';
import { settingsPanel } from './ui/settings.js';

const $ = (id: string): HTMLElement => document.getElementById(id)!;

const client = new EngineClient(
  () => new Worker(new URL('./engine/worker.ts', import.meta.url), { type: 'module', name: 'cscsim-engine' }),
);

let state: ViewState = DEFAULT_VIEW;
let info: ModelInfo | null = null;
let result: ResultSet | null = null;
let runSeq = 0;
/** A URL view made with a file model, waiting for that file to be opened again. */
let pendingFileView: ViewState | null = null;
let runTimer: ReturnType<typeof setTimeout> | undefined;
let panels: {
  params: ReturnType<typeof paramsPanel>;
  outputs: ReturnType<typeof outputsPanel>;
  dosing: ReturnType<typeof dosingPanel> | null;
} | null = null;

const settings = settingsPanel({
  onChange: (patch) => change(patch),
  onRun: () => void run(),
  onCancel: () => client.cancel(),
});

/** Messages about the URL or the model (warnings) and refused values (errors). */
function notify(warnings: readonly string[], errors: readonly string[]): void {
  fill(
    $('messages'),
    ...errors.map((m) => h('p', { class: 'error' }, m)),
    ...warnings.map((m) => h('p', { class: 'warning' }, m)),
  );
}

function writeUrl(): void {
  const hash = encodeView(state);
  if (location.hash.replace(/^#/, '') !== hash)
    history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
}

/** The run state on <body> (data-run, and data-runs counting finished runs) for tests and styling. */
function setRunState(s: 'idle' | 'running' | 'done' | 'error' | 'cancelled'): void {
  document.body.dataset.run = s;
  if (s !== 'done') return;
  document.body.dataset.runs = String(Number(document.body.dataset.runs ?? 0) + 1);
  // Time from navigation to the first result on screen (reported by the browser test).
  document.body.dataset.firstResultMs ??= String(Math.round(performance.now()));
}

/** Applies a change of view: URL, panels, and a rerun unless only the display changed. */
function change(patch: Partial<ViewState>): void {
  const before = state;
  state = { ...state, ...patch };
  writeUrl();
  syncPanels();
  const displayOnly =
    Object.keys(patch).every((k) => k === 'yScale' || k === 'outputs') &&
    result !== null &&
    (result.kind === 'ode' || patch.outputs === undefined);
  if (displayOnly && before !== state) showResult(result!);
  else scheduleRun();
}

function syncPanels(): void {
  settings.update(state, info?.model);
  if (!panels || !info) return;
  panels.params.update(state.params);
  panels.outputs.update(shownOutputs(state, info));
  panels.dosing?.update(state);
}

function buildPanels(m: ModelInfo): void {
  const params = paramsPanel(m.model, m.editable, (id, value) => {
    const next = { ...state.params };
    if (value === undefined) delete next[id];
    else next[id] = value;
    change({ params: next });
  });
  const outputs = outputsPanel(m.outputIds, (selected) => change({ outputs: selected }));
  const dosing = m.model.species.some((s) => s.id === 'Ab_c')
    ? dosingPanel(
        m.model,
        (regimen) => change({ regimen }),
        (timing) => change({ timing }),
      )
    : null;
  panels = { params, outputs, dosing };
  fill($('side'), dosing?.el, settings.el, outputs.el);
  fill($('params'), params.el);
  const picker = $('model') as HTMLSelectElement;
  fill(
    picker,
    ...m.builtins.map((id) => h('option', { value: id, selected: state.model === id }, id)),
    state.model === 'file' ? h('option', { value: 'file', selected: true }, `file: ${m.model.id}`) : null,
  );
  fill(
    $('model-info'),
    h('strong', {}, m.model.name ?? m.model.id),
    m.model.notes ? h('span', { class: 'notes' }, ` ${m.model.notes}`) : null,
  );
  syncPanels();
}

async function loadModel(source: ModelSource, keepView: boolean, urlNotes: [string[], string[]] = [[], []]) {
  $('file-error').textContent = '';
  setRunState('running');
  settings.progress(0, 1, 'loading model...');
  let m: ModelInfo;
  try {
    m = await client.load(source);
  } catch (e) {
    if (e instanceof Cancelled) return;
    const msg = e instanceof Error ? e.message : String(e);
    setRunState('error');
    settings.progress(null, 1, '');
    if (source.kind === 'file') {
      $('file-error').textContent = msg;
      return;
    }
    // An unknown built-in id (from a URL): say so and show the default model.
    notify(urlNotes[0], [...urlNotes[1], msg]);
    if (source.id !== DEFAULT_VIEW.model) await loadModel({ kind: 'builtin', id: DEFAULT_VIEW.model }, false);
    return;
  }
  info = m;
  result = null;
  const base: ViewState = keepView
    ? state
    : { ...state, params: {}, regimen: undefined, continuous: undefined, outputs: [], timing: false };
  const fitted = fitView({ ...base, model: source.kind === 'builtin' ? source.id : 'file' }, m);
  state = fitted.state;
  notify([...urlNotes[0], ...m.warnings, ...fitted.warnings], [...urlNotes[1], ...fitted.errors]);
  buildPanels(m);
  writeUrl();
  await run();
}

function request(m: ModelInfo): RunRequest {
  return {
    key: m.key,
    model: m.model,
    params: state.params,
    regimen: state.regimen,
    tEnd: state.tEnd,
    points: state.points,
    engine: state.engine,
    runs: state.runs,
    seed: state.seed,
    round: state.round,
    // Every stochastic method keeps non-count species continuous, as the CLI does by default.
    ...(state.engine === 'hybrid'
      ? { tuning: { continuous: continuousFor(state, m.model), hybridThreshold: state.threshold } }
      : state.engine !== 'ode'
        ? { tuning: { continuous: continuousFor(state, m.model) } }
        : {}),
    outputs: shownOutputs(state, m),
    timing: state.timing,
  };
}

function scheduleRun(): void {
  clearTimeout(runTimer);
  runTimer = setTimeout(() => void run(), 150);
}

async function run(): Promise<void> {
  clearTimeout(runTimer);
  if (!info) return;
  const seq = ++runSeq;
  const req = request(info);
  setRunState('running');
  $('run-error').textContent = '';
  settings.progress(
    0,
    1,
    req.timing ? 'timing study...' : req.engine === 'ode' ? 'solving...' : 'running...',
  );
  try {
    const { result: r, ms } = await client.run(req, {
      onProgress: (done, total) => {
        if (seq === runSeq) settings.progress(done, total, `${done} / ${total} runs`);
      },
      onPartial: (p) => {
        if (seq === runSeq) showResult(p);
      },
    });
    if (seq !== runSeq) return;
    showResult(r);
    settings.progress(null, 1, `done in ${ms.toFixed(0)} ms`);
    setRunState('done');
  } catch (e) {
    if (seq !== runSeq) return;
    settings.progress(null, 1, e instanceof Cancelled ? 'cancelled' : 'failed');
    if (!(e instanceof Cancelled)) $('run-error').textContent = e instanceof Error ? e.message : String(e);
    setRunState(e instanceof Cancelled ? 'cancelled' : 'error');
  }
}

function showResult(r: ResultSet): void {
  result = r;
  if (info)
    renderResult($('chart'), $('final'), r, shownOutputs(state, info), state.yScale, info.model.timeUnit);
}

function openFile(file: File): void {
  void file.text().then((text) => {
    const pending = pendingFileView;
    pendingFileView = null;
    if (pending) state = pending;
    return loadModel({ kind: 'file', name: file.name, text }, pending !== null);
  });
}

function setupModelInputs(): void {
  $('model').addEventListener('change', (e) => {
    const id = (e.target as HTMLSelectElement).value;
    if (id !== 'file') void loadModel({ kind: 'builtin', id }, false);
  });
  const input = $('file') as HTMLInputElement;
  input.addEventListener('change', () => {
    const f = input.files?.[0];
    if (f) openFile(f);
    input.value = '';
  });
  const drop = $('drop');
  for (const ev of ['dragenter', 'dragover'])
    document.addEventListener(ev, (e) => {
      e.preventDefault();
      drop.classList.add('over');
    });
  document.addEventListener('dragleave', () => drop.classList.remove('over'));
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const f = e.dataTransfer?.files[0];
    if (f) openFile(f);
  });
}

/** Reads the URL and restores its view. */
async function fromUrl(): Promise<void> {
  const d = decodeView(location.hash);
  state = d.state;
  settings.update(state);
  if (state.model === 'file') {
    if (info?.key.startsWith('file:')) {
      const fitted = fitView(state, info);
      state = fitted.state;
      notify([...d.warnings, ...fitted.warnings], [...d.errors, ...fitted.errors]);
      syncPanels();
      await run();
      return;
    }
    pendingFileView = state;
    await loadModel({ kind: 'builtin', id: DEFAULT_VIEW.model }, false, [
      [
        ...d.warnings,
        'This view was made with a model opened from a file: open the same file to restore it.',
      ],
      d.errors,
    ]);
    return;
  }
  await loadModel({ kind: 'builtin', id: state.model }, true, [d.warnings, d.errors]);
}

setupDownloads({ info: () => info, result: () => result, state: () => state });
setupModelInputs();
window.addEventListener('hashchange', () => {
  if (location.hash.replace(/^#/, '') !== encodeView(state)) void fromUrl();
});
setRunState('idle');
void fromUrl();
