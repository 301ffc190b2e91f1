/**
 * Run settings: t end, output points, engine (ODE, or a stochastic method with runs and seed; rounding of
 * initial counts, continuous species and threshold for the hybrid), the y scale, and the Run / Cancel
 * buttons with a progress bar. Direct / tau-leap on a model with non-count species show a warning.
 */
import type { Model } from '../../../src/model/types.js';
import { continuousFor, countWarning, nonCountSpecies, parseSpeciesList } from '../app/species.js';
import { ENGINES, type Engine, type ViewState, type YScale } from '../app/state.js';
import { parseDecimal, type SettingKey, settingError } from '../app/validate.js';
import { h } from './dom.js';

export interface SettingsPanel {
  readonly el: HTMLElement;
  /** Shows the state; `model` (once loaded) gives the continuous-species default and the warning. */
  update(state: ViewState, model?: Model): void;
  /** Shows progress (null: idle). */
  progress(done: number | null, total?: number, label?: string): void;
}

export interface SettingsHandlers {
  readonly onChange: (patch: Partial<ViewState>) => void;
  readonly onRun: () => void;
  readonly onCancel: () => void;
}

const ENGINE_LABELS: Record<Engine, string> = {
  ode: 'ODE (auto: explicit, stiff when needed)',
  direct: 'stochastic: exact SSA (direct)',
  'tau-leap': 'stochastic: tau-leaping',
  hybrid: 'stochastic: hybrid',
};

export function settingsPanel(on: SettingsHandlers): SettingsPanel {
  const msg = h('div', { class: 'field-msg', role: 'status' });
  const numeric = (
    key: SettingKey,
    id: string,
    label: string,
    unit = '',
  ): [HTMLInputElement, HTMLElement] => {
    const input = h('input', { type: 'text', inputmode: 'decimal', class: 'num', id, name: key });
    input.addEventListener('change', () => {
      const v = parseDecimal(input.value);
      const e =
        v === undefined ? `${label}: expected a number, got '${input.value.trim()}'` : settingError(key, v);
      if (e) {
        input.setAttribute('aria-invalid', 'true');
        msg.textContent = `${e} - not simulated`;
        msg.className = 'field-msg error';
        return;
      }
      input.removeAttribute('aria-invalid');
      msg.textContent = '';
      on.onChange({ [key]: v } as Partial<ViewState>);
    });
    return [
      input,
      h('label', { class: 'field' }, h('span', {}, label), input, h('span', { class: 'unit' }, unit)),
    ];
  };
  const [tEnd, tEndF] = numeric('tEnd', 't-end', 't end', 'days');
  const [points, pointsF] = numeric('points', 'points', 'output points');
  const [runs, runsF] = numeric('runs', 'runs', 'runs');
  const [seed, seedF] = numeric('seed', 'seed', 'seed');
  const [threshold, thresholdF] = numeric('threshold', 'threshold', 'threshold', 'count');
  let model: Model | undefined;
  const continuous = h('input', {
    type: 'text',
    id: 'continuous',
    name: 'continuous',
    class: 'ids',
    'aria-describedby': 'continuous-help',
  });
  continuous.addEventListener('change', () => {
    if (!model) return;
    const r = parseSpeciesList(continuous.value, model);
    if ('error' in r) {
      continuous.setAttribute('aria-invalid', 'true');
      msg.textContent = `${r.error} - not simulated`;
      msg.className = 'field-msg error';
      return;
    }
    continuous.removeAttribute('aria-invalid');
    msg.textContent = '';
    const def = nonCountSpecies(model);
    const same = r.ids.length === def.length && r.ids.every((id) => def.includes(id));
    on.onChange({ continuous: same ? undefined : r.ids });
  });
  const continuousHelp = h('span', { id: 'continuous-help', class: 'hint' });
  const engine = h(
    'select',
    { id: 'engine', 'aria-label': 'engine' },
    ...ENGINES.map((e) => h('option', { value: e }, ENGINE_LABELS[e])),
  );
  engine.addEventListener('change', () => on.onChange({ engine: engine.value as Engine }));
  const round = h('input', { type: 'checkbox', id: 'round' });
  round.addEventListener('change', () => on.onChange({ round: round.checked }));
  const yScale = h(
    'select',
    { id: 'y-scale', 'aria-label': 'y scale' },
    h('option', { value: 'log' }, 'log y'),
    h('option', { value: 'linear' }, 'linear y'),
  );
  yScale.addEventListener('change', () => on.onChange({ yScale: yScale.value as YScale }));
  const roundF = h(
    'label',
    { class: 'check' },
    round,
    ' round initial counts to whole cells (largest remainder: totals kept)',
  );
  const hybrid = h(
    'div',
    { class: 'fields hybrid' },
    h('label', { class: 'field' }, h('span', {}, 'continuous species'), continuous),
    continuousHelp,
    thresholdF,
  );
  const countWarn = h('p', { id: 'count-warning', class: 'warning', role: 'status', hidden: true });
  const stochastic = h('div', { class: 'fields stochastic' }, runsF, seedF, roundF, hybrid, countWarn);
  const runBtn = h('button', { type: 'button', id: 'run', class: 'primary' }, 'Run');
  const cancelBtn = h('button', { type: 'button', id: 'cancel', disabled: true }, 'Cancel');
  runBtn.addEventListener('click', on.onRun);
  cancelBtn.addEventListener('click', on.onCancel);
  const bar = h('progress', { id: 'progress', max: 1, value: 0, hidden: true });
  const status = h('span', { id: 'status', role: 'status', 'aria-live': 'polite' });

  const el = h(
    'section',
    { class: 'panel settings', 'aria-labelledby': 'settings-h' },
    h('h2', { id: 'settings-h' }, 'Run'),
    h(
      'div',
      { class: 'fields' },
      tEndF,
      pointsF,
      h('label', { class: 'field' }, h('span', {}, 'engine'), engine),
    ),
    stochastic,
    msg,
    h('div', { class: 'toolbar' }, runBtn, cancelBtn, yScale, bar, status),
  );
  return {
    el,
    update(s, m) {
      model = m ?? model;
      tEnd.value = String(s.tEnd);
      points.value = String(s.points);
      runs.value = String(s.runs);
      seed.value = String(s.seed);
      threshold.value = String(s.threshold);
      engine.value = s.engine;
      round.checked = s.round;
      yScale.value = s.yScale;
      stochastic.hidden = s.engine === 'ode';
      hybrid.hidden = s.engine !== 'hybrid';
      if (model) {
        continuous.value = continuousFor(s, model).join(', ');
        const def = nonCountSpecies(model);
        continuousHelp.textContent = `comma-separated ids, never rounded; default: ${def.length > 0 ? def.join(', ') : 'none'} (species whose unit is not a count)`;
      }
      const warn = model ? countWarning(s.engine, model) : undefined;
      countWarn.textContent = warn ?? '';
      countWarn.hidden = warn === undefined;
      for (const i of [tEnd, points, runs, seed, threshold, continuous]) i.removeAttribute('aria-invalid');
    },
    progress(done, total = 1, label = '') {
      const busy = done !== null;
      cancelBtn.disabled = !busy;
      bar.hidden = !busy;
      if (busy) {
        bar.max = total;
        bar.value = done;
      }
      status.textContent = label;
    },
  };
}
