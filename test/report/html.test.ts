import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  badge,
  definitionList,
  figure,
  formatCell,
  list,
  nav,
  page,
  safeHref,
  section,
  slug,
  table,
} from '../../src/report/html.js';
import { lineChart } from '../../src/report/svg/index.js';

test('table: numeric columns right-aligned and formatted; text left; missing values as a dash', () => {
  const html = table({
    caption: 'Volumes',
    columns: [
      { key: 'arm', label: 'Arm' },
      { key: 'v', label: 'Volume', format: 1 },
      { key: 'p', label: 'p' },
      { key: 'mixed', label: 'Mixed' },
      { key: 'c', label: 'Status', align: 'center' },
    ],
    rows: [
      { arm: 'control', v: 1234.56, p: 0.000012346, mixed: 1, c: badge('pass') },
      { arm: 'treated', v: -0.04, p: null, mixed: 'n/a', c: badge('fail') },
    ],
  }).value;
  assert.match(html, /<th scope="col">Arm<\/th><th scope="col" class="num">Volume<\/th>/);
  assert.match(
    html,
    /<td>control<\/td><td class="num">1234.6<\/td><td class="num">1.235×10⁻⁵<\/td><td>1<\/td>/,
  );
  assert.match(
    html,
    /<td class="num">0.0<\/td><td class="num"><span class="muted">—<\/span><\/td><td>n\/a<\/td>/,
  );
  assert.match(html, /<td class="center"><span class="badge fail">fail<\/span><\/td>/);
  assert.match(html, /<caption>Volumes<\/caption>/);
  assert.throws(
    () =>
      table({
        columns: [
          { key: 'a', label: 'A' },
          { key: 'a', label: 'B' },
        ],
        rows: [],
      }),
    /duplicate column key/,
  );
  assert.equal(formatCell(Number.NaN), 'NaN');
});

test('page: doctype, language, stylesheet, navigation with the current page, escaped title', () => {
  const html = page(
    {
      title: 'Report & co',
      nav: [
        { href: 'index.html', text: 'Summary', current: true },
        { href: 'trial.html', text: 'Trial' },
      ],
    },
    section('C3: established tumors', 'text'),
  );
  assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'));
  assert.match(html, /<title>Report &amp; co<\/title>/);
  assert.match(html, /<style>[\s\S]*@media print[\s\S]*<\/style>/);
  assert.match(html, /<a href="index.html" aria-current="page">Summary<\/a><a href="trial.html">Trial<\/a>/);
  assert.match(html, /<section id="c3-established-tumors"><h2>C3: established tumors<\/h2>text<\/section>/);
  assert.ok(html.endsWith('</html>\n'));
});

test('figures, badges, lists, definition lists, slugs and links', () => {
  const svg = lineChart({ series: [{ name: 'a', x: [0, 1], y: [0, 1] }] });
  const f = figure(svg, 'Caption').value;
  assert.ok(f.startsWith('<figure><svg xmlns="http://www.w3.org/2000/svg"'));
  assert.ok(f.endsWith('</svg><figcaption>Caption</figcaption></figure>'));
  assert.equal(badge('skip').value, '<span class="badge skip">skipped</span>');
  assert.throws(() => badge('ok' as never), /unknown status/);
  assert.equal(list(['a', 'b'], true).value, '<ol><li>a</li><li>b</li></ol>');
  assert.equal(
    definitionList([{ term: 'Criterion', details: 'ratio ≥ 0.8' }]).value,
    '<dl class="criteria"><dt>Criterion</dt><dd>ratio ≥ 0.8</dd></dl>',
  );
  assert.equal(slug('C4: Adjuvant trastuzumab — blocks growth!'), 'c4-adjuvant-trastuzumab-blocks-growth');
  assert.equal(slug('***'), 'section');
  assert.equal(safeHref('../trial.html#km'), '../trial.html#km');
  assert.equal(safeHref('mailto:a@b.org'), 'mailto:a@b.org');
  assert.match(nav([{ href: 'a.html', text: 'A' }]).value, /^<nav class="pages" aria-label="Report pages">/);
});
