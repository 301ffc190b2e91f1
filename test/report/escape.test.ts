import assert from 'node:assert/strict';
import { test } from 'node:test';
import { badge, definitionList, figure, link, p, page, section, table } from '../../src/report/html.js';
import { el, escapeText, hel, num } from '../../src/report/markup.js';
import { barChart, lineChart, pairedChart, stepChart } from '../../src/report/svg/index.js';

const EVIL = '<script>alert("x")</script> & \'q\'';

/** No raw tag from the input may survive; the escaped form must be present. */
function assertEscaped(out: string): void {
  assert.ok(!out.includes('<script'), 'raw <script> in output');
  assert.ok(
    out.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;'),
    'escaped text missing',
  );
}

test('escapeText handles all five XML specials and drops invalid control characters', () => {
  assert.equal(escapeText(`<a href="x">&'`), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
  assert.equal(escapeText('a\u0000b\u0007c\td\n'), 'abc\td\n');
  assert.equal(el('text', { 'data-x': '"><script>' }, EVIL).value.includes('<script'), false);
});

test('every text slot of every chart is escaped', () => {
  assertEscaped(
    lineChart({
      title: EVIL,
      subtitle: EVIL,
      x: { label: EVIL },
      y: { label: EVIL },
      series: [{ name: EVIL, x: [0, 1], y: [1, 2], lo: [0, 1], hi: [2, 3], bandLabel: EVIL }],
      points: [{ name: EVIL, x: [0], y: [1] }],
      intervals: [{ from: 0, to: 0.5, label: EVIL }],
      rules: [{ axis: 'y', value: 1.5, label: EVIL }],
      notes: [EVIL],
    }),
  );
  assertEscaped(
    barChart({ title: EVIL, categories: [EVIL, 'b'], groups: [{ label: EVIL, values: [1, 2] }] }),
  );
  assertEscaped(
    pairedChart({ title: EVIL, levels: [EVIL, 'b'], pairs: [{ label: EVIL, values: [1, 2] }], labels: true }),
  );
  assertEscaped(stepChart({ title: EVIL, series: [{ name: EVIL, t: [0, 1], s: [1, 0.5] }] }));
});

test('attribute injection through colours, dashes, tags and attribute names is refused', () => {
  assert.throws(
    () => lineChart({ series: [{ name: 'a', x: [0], y: [0], color: 'red" onload="alert(1)' }] }),
    /invalid colour/,
  );
  assert.throws(
    () => lineChart({ series: [{ name: 'a', x: [0], y: [0], dash: '1;x:expression(' }] }),
    /invalid dash/,
  );
  assert.throws(() => el('svg onload=alert(1)'), /invalid tag name/);
  assert.throws(() => el('g', { 'x onload': 1 }), /invalid attribute name/);
  assert.throws(() => num(Number.NaN), /non-finite/);
});

test('HTML builders escape text and refuse script links', () => {
  const html = page(
    { title: EVIL, subtitle: EVIL, nav: [{ href: 'a.html', text: EVIL }], footer: EVIL },
    section(EVIL, p(EVIL, badge('pass', EVIL)), definitionList([{ term: EVIL, details: EVIL }])),
    table({ caption: EVIL, columns: [{ key: 'a', label: EVIL }], rows: [{ a: EVIL }], note: EVIL }),
    figure(lineChart({ title: EVIL, series: [] }), EVIL),
  );
  assertEscaped(html);
  for (const bad of [
    'javascript:alert(1)',
    ' JaVaScRiPt:x',
    'java\tscript:x',
    'data:text/html,<b>',
    'vbscript:x',
  ]) {
    assert.throws(() => link(bad, 'x'), /unsafe link/, bad);
  }
  assert.equal(link('other.html#c3', 'C3').value, '<a href="other.html#c3">C3</a>');
  assert.equal(
    link('https://doi.org/10.1158/0008-5472.CAN-12-3349', 'paper').value.startsWith('<a href="https:'),
    true,
  );
  assert.throws(() => figure('<script>x</script>'), /expected an <svg>/);
  assert.throws(() => figure('plain text'), /expected an <svg>/);
  assert.equal(hel('div').value, '<div></div>', 'HTML elements are never self-closed');
});
