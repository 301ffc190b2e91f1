/** Which outputs the chart shows: a checkbox per output id (species, rule variables, state). */
import { h } from './dom.js';

export interface OutputsPanel {
  readonly el: HTMLElement;
  update(selected: readonly string[]): void;
}

export function outputsPanel(ids: readonly string[], onChange: (selected: string[]) => void): OutputsPanel {
  const boxes = ids.map((id) => h('input', { type: 'checkbox', value: id, 'data-output': id }));
  const list = h(
    'div',
    { class: 'outputs-list' },
    ...boxes.map((b, i) => h('label', { class: 'check' }, b, ` ${ids[i]}`)),
  );
  const shown = h('p', { class: 'shown' });
  list.addEventListener('change', () => onChange(boxes.filter((b) => b.checked).map((b) => b.value)));
  return {
    el: h(
      'section',
      { class: 'panel outputs', 'aria-labelledby': 'outputs-h' },
      h('h2', { id: 'outputs-h' }, 'Outputs'),
      shown,
      list,
    ),
    update(selected) {
      shown.textContent = `shown: ${selected.join(', ') || 'none'}`;
      const s = new Set(selected);
      for (const b of boxes) b.checked = s.has(b.value);
    },
  };
}
