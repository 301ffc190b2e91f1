/**
 * Run settings: t end, output points, engine (ODE, or a stochastic method with runs and seed), the y scale,
 * and the Run / Cancel buttons with a progress bar.
 */
import { ENGINES, type Engine, type ViewState, type YScale } from '../app/state.js';
import { parseDecimal, type SettingKey, settingError } from '../app/validate.js';
import { h } from './dom.js';

export interface SettingsPanel {
  readonly el: HTMLElement;
  update(state: ViewState): void;
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
  const stochastic = h(
    'div',
    { class: 'fields stochastic' },
    runsF,
    seedF,
    h('label', { class: 'check' }, round, ' round initial amounts to whole counts'),
  );
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
    update(s) {
      tEnd.value = String(s.tEnd);
      points.value = String(s.points);
      runs.value = String(s.runs);
      seed.value = String(s.seed);
      engine.value = s.engine;
      round.checked = s.round;
      yScale.value = s.yScale;
      stochastic.hidden = s.engine === 'ode';
      for (const i of [tEnd, points, runs, seed]) i.removeAttribute('aria-invalid');
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
