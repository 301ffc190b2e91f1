/**
 * The dosing panel: the trastuzumab regimen (start day, dose, interval, number of doses, optional loading
 * dose), presets from the regimen library, and the one-click timing study (same regimen from day 1 vs on
 * an established tumour).
 */
import type { Model } from '../../../src/model/types.js';
import type { RegimenId } from '../../../src/models/regimens.js';
import { PRESETS, presetRegimen, regimenOf } from '../app/dosing.js';
import type { Regimen, ViewState } from '../app/state.js';
import { parseDecimal, regimenError } from '../app/validate.js';
import { h } from './dom.js';

export interface DosingPanel {
  readonly el: HTMLElement;
  update(state: ViewState): void;
}

type Field = 'start' | 'dose' | 'every' | 'count' | 'loading';

export function dosingPanel(
  model: Model,
  onRegimen: (r: Regimen | null | undefined) => void,
  onTiming: (on: boolean) => void,
): DosingPanel {
  const own = regimenOf(model);
  const on = h('input', { type: 'checkbox', id: 'dose-on' });
  const inputs = {} as Record<Field, HTMLInputElement>;
  const field = (k: Field, label: string, unit: string): HTMLElement => {
    const input = h('input', { type: 'text', inputmode: 'decimal', class: 'num', id: `dose-${k}`, name: k });
    inputs[k] = input;
    input.addEventListener('change', commit);
    return h('label', { class: 'field' }, h('span', {}, label), input, h('span', { class: 'unit' }, unit));
  };
  const msg = h('div', { class: 'field-msg', role: 'status' });
  const preset = h(
    'select',
    { 'aria-label': 'regimen preset' },
    h('option', { value: '' }, 'preset...'),
    ...PRESETS.map((p) => h('option', { value: p.id }, p.label)),
  );
  const timing = h('button', { type: 'button', id: 'timing', 'aria-pressed': 'false' }, 'Compare timing');
  const resetBtn = h('button', { type: 'button' }, "model's regimen");

  function read(): Regimen | string {
    const v: Partial<Record<Field, number>> = {};
    for (const k of ['start', 'dose', 'every', 'count'] as const) {
      const x = parseDecimal(inputs[k].value);
      if (x === undefined) return `regimen ${k}: expected a number, got '${inputs[k].value.trim()}'`;
      v[k] = x;
    }
    const lt = inputs.loading.value.trim();
    const loading = lt === '' ? undefined : parseDecimal(lt);
    if (lt !== '' && loading === undefined)
      return `regimen loading dose: expected a number or nothing, got '${lt}'`;
    const r: Regimen = {
      start: v.start!,
      dose: v.dose!,
      every: v.every!,
      count: v.count!,
      ...(loading !== undefined ? { loading } : {}),
    };
    return regimenError(r) ?? r;
  }

  function commit(): void {
    if (!on.checked) {
      onRegimen(null);
      return;
    }
    const r = read();
    if (typeof r === 'string') {
      msg.textContent = `${r} - not simulated`;
      msg.className = 'field-msg error';
      for (const i of Object.values(inputs)) i.setAttribute('aria-invalid', 'true');
      return;
    }
    onRegimen(r);
  }
  on.addEventListener('change', commit);
  preset.addEventListener('change', () => {
    if (preset.value === '') return;
    const start = parseDecimal(inputs.start.value) ?? 1;
    const r = presetRegimen(preset.value as RegimenId, start >= 0 ? start : 1);
    preset.value = '';
    onRegimen(r);
  });
  resetBtn.addEventListener('click', () => onRegimen(undefined));
  timing.addEventListener('click', () => onTiming(timing.getAttribute('aria-pressed') !== 'true'));

  const el = h(
    'section',
    { class: 'panel dosing', 'aria-labelledby': 'dosing-h' },
    h('h2', { id: 'dosing-h' }, 'Trastuzumab'),
    h('label', { class: 'check' }, on, ' dose (boluses into the central compartment)'),
    h(
      'div',
      { class: 'fields' },
      field('start', 'first dose on day', 'day'),
      field('dose', 'dose', 'mg/kg'),
      field('loading', 'loading dose', 'mg/kg'),
      field('every', 'every', 'days'),
      field('count', 'doses', ''),
    ),
    msg,
    h('div', { class: 'toolbar' }, preset, resetBtn),
    h(
      'div',
      { class: 'timing' },
      timing,
      h(
        'p',
        { class: 'hint' },
        'Overlays no treatment, the regimen from day 1 (right after inoculation) and the same regimen from ' +
          'the day the untreated tumour reaches 150 mm³ (Ithimakin et al. 2013). ODE.',
      ),
    ),
  );

  return {
    el,
    update(s) {
      const r = s.regimen === undefined ? own : s.regimen;
      on.checked = r !== null;
      const shown = r ?? own ?? presetRegimen('mouse-10-biw');
      inputs.start.value = String(shown.start);
      inputs.dose.value = String(shown.dose);
      inputs.every.value = String(shown.every);
      inputs.count.value = String(shown.count);
      inputs.loading.value = shown.loading !== undefined ? String(shown.loading) : '';
      for (const i of Object.values(inputs)) {
        i.disabled = r === null;
        i.removeAttribute('aria-invalid');
      }
      resetBtn.disabled = s.regimen === undefined;
      msg.textContent = s.timing
        ? 'the timing study gives this regimen from day 1 and from the established day'
        : s.regimen === undefined
          ? own
            ? "the model's own regimen"
            : 'the model has no doses'
          : '';
      msg.className = 'field-msg';
      timing.setAttribute('aria-pressed', String(s.timing));
      timing.textContent = s.timing ? 'Timing study: on' : 'Compare timing';
    },
  };
}
