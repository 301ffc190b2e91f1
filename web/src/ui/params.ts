/**
 * The parameters panel: every parameter with value, unit, plausible range and source. Editable ones take a
 * typed number (checked before use: a refused value shows its message and is never simulated) or a slider
 * over the range; a reset button returns to the model's value. Derived ones are listed read-only.
 */
import type { Model, Parameter } from '../../../src/model/types.js';
import { STEPS, sliderPosition, sliderScale, sliderValue } from '../app/slider.js';
import { parseParam, rangeNote } from '../app/validate.js';
import { fmt, h } from './dom.js';

export interface ParamsPanel {
  readonly el: HTMLElement;
  /** Shows the current values (after a URL change or reset). */
  update(values: Readonly<Record<string, number>>): void;
}

/** value undefined: back to the model's default. */
export type ParamChange = (id: string, value: number | undefined) => void;

export function paramsPanel(model: Model, editable: readonly string[], onChange: ParamChange): ParamsPanel {
  const canEdit = new Set(editable);
  const rows = new Map<string, { set: (v: number, overridden: boolean) => void }>();
  const filter = h('input', {
    type: 'search',
    placeholder: 'filter parameters',
    'aria-label': 'filter parameters',
  });
  const body = h('tbody');
  const showDerived = h('input', { type: 'checkbox', id: 'show-derived' });
  const editableParams = model.parameters.filter((p) => canEdit.has(p.id));
  const derivedParams = model.parameters.filter((p) => !canEdit.has(p.id));
  for (const p of editableParams) body.append(editRow(p));
  for (const p of derivedParams) body.append(readRow(p));

  function editRow(p: Parameter): HTMLTableRowElement {
    const input = h('input', {
      type: 'text',
      inputmode: 'decimal',
      class: 'num',
      'aria-label': `${p.id} value`,
      'data-param': p.id,
    });
    const msg = h('div', { class: 'field-msg', role: 'status' });
    const scale = sliderScale(p.range);
    const slider = scale
      ? h('input', {
          type: 'range',
          min: 0,
          max: STEPS,
          step: 1,
          'aria-label': `${p.id} (${scale.log ? 'log ' : ''}slider over its range)`,
          title: scale.log ? 'log scale over the plausible range' : 'linear scale over the plausible range',
        })
      : null;
    const reset = h('button', { type: 'button', class: 'reset', title: `reset to ${p.value}` }, '↺');
    const commit = (): void => {
      const r = parseParam(p, input.value);
      if ('error' in r) {
        input.setAttribute('aria-invalid', 'true');
        msg.textContent = `${r.error} - not simulated`;
        msg.className = 'field-msg error';
        return;
      }
      input.removeAttribute('aria-invalid');
      onChange(p.id, r.value === p.value ? undefined : r.value);
    };
    input.addEventListener('change', commit);
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') commit();
    });
    slider?.addEventListener('input', () => {
      input.value = String(sliderValue(scale!, Number(slider.value)));
      commit();
    });
    reset.addEventListener('click', () => onChange(p.id, undefined));
    const set = (v: number, overridden: boolean): void => {
      input.value = String(v);
      input.removeAttribute('aria-invalid');
      if (slider) slider.value = String(sliderPosition(scale!, v));
      reset.disabled = !overridden;
      const note = rangeNote(p, v);
      msg.textContent = note ?? '';
      msg.className = note ? 'field-msg note' : 'field-msg';
      row.classList.toggle('changed', overridden);
    };
    const row = h(
      'tr',
      { 'data-id': p.id },
      h(
        'th',
        { scope: 'row', title: p.description ?? '' },
        p.id,
        h('div', { class: 'desc' }, p.description ?? p.name ?? ''),
      ),
      h('td', { class: 'value' }, h('div', { class: 'value-line' }, input, reset), slider, msg),
      h('td', {}, p.unit),
      h('td', { class: 'range' }, p.range ? `${fmt(p.range[0])} - ${fmt(p.range[1])}` : ''),
      h('td', { class: 'source' }, p.source),
    );
    rows.set(p.id, { set });
    set(p.value, false);
    return row;
  }

  function readRow(p: Parameter): HTMLTableRowElement {
    return h(
      'tr',
      { class: 'derived', 'data-id': p.id, hidden: true },
      h('th', { scope: 'row' }, p.id, h('div', { class: 'desc' }, p.description ?? p.name ?? '')),
      h('td', { class: 'value' }, 'computed'),
      h('td', {}, p.unit),
      h('td', { class: 'range' }, ''),
      h('td', { class: 'source' }, p.source),
    );
  }

  const applyFilter = (): void => {
    const q = filter.value.trim().toLowerCase();
    for (const tr of body.querySelectorAll('tr')) {
      const derived = tr.classList.contains('derived');
      const match = q === '' || (tr.textContent ?? '').toLowerCase().includes(q);
      tr.hidden = !match || (derived && !showDerived.checked);
    }
  };
  filter.addEventListener('input', applyFilter);
  showDerived.addEventListener('change', applyFilter);

  const el = h(
    'section',
    { class: 'panel params', 'aria-labelledby': 'params-h' },
    h('h2', { id: 'params-h' }, `Parameters (${editableParams.length})`),
    h(
      'div',
      { class: 'toolbar' },
      filter,
      h('label', {}, showDerived, ` show ${derivedParams.length} derived`),
    ),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h('tr', {}, ...['Parameter', 'Value', 'Unit', 'Range', 'Source'].map((c) => h('th', {}, c))),
        ),
        body,
      ),
    ),
  );
  return {
    el,
    update(values) {
      for (const p of editableParams) {
        const over = Object.hasOwn(values, p.id);
        rows.get(p.id)!.set(over ? values[p.id]! : p.value, over);
      }
    },
  };
}
