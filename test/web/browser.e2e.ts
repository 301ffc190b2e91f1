/**
 * The web app in Debian's Chromium (`npm run test:web`, after `npm run web:build`): serves web/dist with a
 * tiny static server, loads the page, runs the default model and checks the chart and the numbers against
 * compile + solve in node (the CLI's path), a parameter change in the URL, a reload of that URL, a refused
 * value, the timing study, an ensemble with progress and Cancel, the count warning and the hybrid's continuous
 * species, and the message for a malformed SBML file.
 * Never downloads a browser: skips when /usr/bin/chromium is missing.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { main } from '../../src/cli/main.js';
import { solve } from '../../src/engines/solve.js';
import { importSbml } from '../../src/io/sbml/import.js';
import { compile } from '../../src/model/compile.js';
import { getModel } from '../../src/models/index.js';
import { DEFAULT_VIEW } from '../../web/src/app/state.js';
import { outputTimes } from '../../web/src/engine/runs.js';
import { loadSource } from '../../web/src/engine/source.js';

const CHROMIUM = '/usr/bin/chromium';
const dist = resolve(fileURLToPath(new URL('../../web/dist', import.meta.url)));
const skip = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is missing (apt-get install chromium); browser test skipped`;
if (skip) console.log(`${skip}`);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** Serves web/dist under /app/ (a sub-folder, as on GitHub Pages: asset paths must be relative). */
function serve(): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith('/app/')) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(dist, path.slice('/app/'.length)));
    if (!file.startsWith(dist)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      ok({ server, base: `http://127.0.0.1:${port}/app/` });
    }),
  );
}

/**
 * What the page callbacks below read of the DOM (the root tsconfig has no DOM lib). Callbacks are sent to
 * the page as source, so each casts globalThis itself; the cast is erased.
 */
interface PageGlobals {
  readonly document: {
    readonly body: { readonly dataset: Record<string, string | undefined> };
    getElementById(id: string): { readonly textContent: string | null; readonly value?: number } | null;
  };
}

let browser: Browser;
let server: Server;
let base: string;
let page: Page;
const pageErrors: string[] = [];

before(async () => {
  if (skip) return;
  assert.ok(existsSync(join(dist, 'index.html')), 'web/dist is missing: run npm run web:build first');
  ({ server, base } = await serve());
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

const runsDone = (p: Page): Promise<number> =>
  p.evaluate(() => Number((globalThis as unknown as PageGlobals).document.body.dataset.runs ?? 0));

/** Waits for the next finished run after `n` runs. */
async function nextRun(p: Page, n: number): Promise<void> {
  await p.waitForFunction(
    (k) => Number((globalThis as unknown as PageGlobals).document.body.dataset.runs ?? 0) > k,
    n,
    { timeout: 20000 },
  );
}

const finalValue = (p: Page, id: string, arm?: string): Promise<number> =>
  p
    .locator(`#final td[data-output="${id}"]${arm ? `[data-arm="${arm}"]` : ''}`)
    .first()
    .getAttribute('data-value')
    .then(Number);

/** V at t end of the default view, computed in node as the CLI does (compile + solve). */
function nodeV(params: Record<string, number> = {}): number {
  const problem = compile(getModel('her2csc'));
  const p = Float64Array.from(problem.p);
  for (const [id, v] of Object.entries(params)) p[problem.paramIndex.get(id)!] = v;
  const sol = solve(problem, {
    tEnd: DEFAULT_VIEW.tEnd,
    outputTimes: outputTimes(DEFAULT_VIEW.tEnd, DEFAULT_VIEW.points),
    p,
  });
  return sol.y[sol.y.length - sol.ids.length + sol.ids.indexOf('V')]!;
}

let changedUrl = '';
let changedV = 0;

test('loads, runs the default model in the worker, draws lines, shows the CLI numbers', {
  skip,
}, async () => {
  const t0 = Date.now();
  await page.goto(base);
  await nextRun(page, 0);
  const firstResult = Date.now() - t0;
  const inPage = await page.evaluate(
    () => (globalThis as unknown as PageGlobals).document.body.dataset.firstResultMs,
  );
  console.log(
    `time to first result (default model, ODE): ${inPage} ms after navigation start (${firstResult} ms wall)`,
  );
  const lines = await page.locator('#chart svg g.line path').count();
  assert.ok(lines >= 1, 'the chart has drawn a line');
  const d = await page.locator('#chart svg g.line path').first().getAttribute('d');
  assert.ok(d && d.split(/[ML]/).length > 50, 'the line has a point per output time');
  const v = await finalValue(page, 'V');
  const expected = nodeV();
  assert.ok(Math.abs(v - expected) <= 1e-12 * Math.abs(expected), `browser V ${v} vs node ${expected}`);
  console.log(`final V: browser ${v}, node ${expected}, ${v === expected ? 'identical' : 'within 1e-12'}`);
  assert.ok(await page.locator('.params tr[data-id="lambdaS"]').count(), 'parameters panel lists lambdaS');
  assert.match(
    (await page.locator('.params tr[data-id="lambdaS"] td.source').textContent()) ?? '',
    /assumed/,
  );
});

test('a parameter change goes into the URL and changes the numbers', { skip }, async () => {
  const n = await runsDone(page);
  const before = await finalValue(page, 'V');
  await page.fill('input[data-param="lambdaS"]', '0.5');
  await page.press('input[data-param="lambdaS"]', 'Enter');
  await nextRun(page, n);
  changedUrl = page.url();
  assert.match(changedUrl, /#p\.lambdaS=0\.5$/);
  changedV = await finalValue(page, 'V');
  assert.notEqual(changedV, before);
  const expected = nodeV({ lambdaS: 0.5 });
  assert.ok(Math.abs(changedV - expected) <= 1e-12 * expected, `browser ${changedV} vs node ${expected}`);
});

test('an invalid value is refused with a message and never simulated', { skip }, async () => {
  const n = await runsDone(page);
  await page.fill('input[data-param="deltaS"]', '-1');
  await page.press('input[data-param="deltaS"]', 'Enter');
  await page.fill('input[data-param="lambdaP"]', 'fast');
  await page.press('input[data-param="lambdaP"]', 'Enter');
  const msg = await page.locator('tr[data-id="lambdaP"] .field-msg.error').textContent();
  assert.match(msg ?? '', /lambdaP: expected a number, got 'fast' - not simulated/);
  assert.match(
    (await page.locator('tr[data-id="deltaS"] .field-msg.error').textContent()) ?? '',
    /must be >= 0/,
  );
  await page.waitForTimeout(400);
  assert.equal(await runsDone(page), n, 'no run started');
  assert.equal(page.url(), changedUrl);
});

test('reloading the URL restores the view and the same numbers', { skip }, async () => {
  const fresh = await browser.newPage();
  await fresh.goto(changedUrl);
  await nextRun(fresh, 0);
  assert.equal(await finalValue(fresh, 'V'), changedV);
  assert.equal(await fresh.inputValue('input[data-param="lambdaS"]'), '0.5');
  await fresh.close();
});

async function downloadText(p: Page, button: string): Promise<string> {
  const [dl] = await Promise.all([p.waitForEvent('download'), p.click(button)]);
  const path = await dl.path();
  return readFileSync(path, 'utf8');
}

test('downloads: the CSV is the CLI output byte for byte; the SBML carries the edited parameter', {
  skip,
}, async () => {
  const csv = await downloadText(page, '#dl-csv');
  // The CLI cannot set a parameter: compare the default view in a fresh page.
  const fresh = await browser.newPage();
  await fresh.goto(base);
  await nextRun(fresh, 0);
  const csvDefault = await downloadText(fresh, '#dl-csv');
  await fresh.close();
  let out = '';
  const code = await main(['simulate', 'her2csc', '--t-end', '60', '--steps', '120'], {
    stdout: (x) => (out += x),
    stderr: () => {},
    isTTY: false,
  });
  assert.equal(code, 0);
  // Same header and grid, and the same numbers to 1e-12: Chromium's V8 and Node's differ in the last bit
  // of Math.pow/exp/log (measured: 5,196 of 60,000 random calls with Chromium 156.0.8078.114 against
  // Node 20), so the browser's CSV is byte-identical only where both run the same V8.
  const rowsOf = (text: string): string[][] =>
    text
      .trim()
      .split('\n')
      .map((l) => l.split(','));
  const [webRows, cliRows] = [rowsOf(csvDefault), rowsOf(out)];
  assert.deepEqual(webRows[0], cliRows[0]);
  assert.equal(webRows.length, cliRows.length);
  for (let i = 1; i < cliRows.length; i++)
    cliRows[i]!.forEach((v, j) => {
      const a = Number(webRows[i]![j]);
      const b = Number(v);
      assert.ok(
        Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)),
        `row ${i}, ${cliRows[0]![j]}: ${a} vs ${b}`,
      );
    });
  assert.notEqual(csv, out, 'the edited view differs');
  const sbml = await downloadText(page, '#dl-sbml');
  const m = importSbml(sbml, 'download.xml');
  assert.equal(m.parameters.find((x) => x.id === 'lambdaS')?.value, 0.5);
  const json = JSON.parse(await downloadText(page, '#dl-json'));
  assert.equal(json.view.params.lambdaS, 0.5);
  assert.equal(json.arms[0].outputs.V.values.at(-1), changedV);
});

test('the timing study overlays control, day 1 and established starts', { skip }, async () => {
  const n = await runsDone(page);
  await page.click('#timing');
  await nextRun(page, n);
  assert.match(page.url(), /timing=1/);
  assert.equal(await page.locator('#chart svg g.line path').count(), 3);
  const arms = await page
    .locator('#final td[data-output="V"]')
    .evaluateAll((tds) =>
      tds.map((td) => [td.getAttribute('data-arm'), Number(td.getAttribute('data-value'))] as const),
    );
  assert.equal(arms.length, 3);
  const [control, early, late] = arms.map((a) => a[1]);
  assert.ok(early! < late! && late! <= control!, JSON.stringify(arms));
  await page.click('#timing');
  await nextRun(page, n + 1);
});

test('an ensemble shows progress and can be cancelled', { skip }, async () => {
  let n = await runsDone(page);
  await page.fill('#t-end', '20');
  await page.press('#t-end', 'Enter');
  await nextRun(page, n);
  n = await runsDone(page);
  await page.selectOption('#engine', 'tau-leap');
  await nextRun(page, n);
  assert.match(page.url(), /engine=tau-leap/);
  assert.match((await page.locator('#chart svg').textContent()) ?? '', /100 of 100 runs/);
  assert.equal(
    await page.locator('#count-warning').textContent(),
    'Ab_c (mg/kg), Ab_p (mg/kg) are not counts and stay continuous (deterministic between jumps)',
  );
  assert.ok(await page.locator('#count-warning').isVisible());
  assert.ok(await page.locator('#round').isVisible());
  assert.ok(!(await page.locator('#continuous').isVisible()));
  await page.fill('#runs', '100000');
  await page.press('#runs', 'Enter');
  await page.waitForFunction(
    () => Number((globalThis as unknown as PageGlobals).document.getElementById('progress')?.value) > 0,
  );
  await page.click('#cancel');
  await page.waitForFunction(
    () => (globalThis as unknown as PageGlobals).document.body.dataset.run === 'cancelled',
  );
  assert.equal(await page.locator('#status').textContent(), 'cancelled');
  // Back to the ODE for the next test.
  n = await runsDone(page);
  await page.fill('#runs', '100');
  await page.press('#runs', 'Enter');
  await page.selectOption('#engine', 'ode');
  await nextRun(page, n);
});

test('hybrid: the drug stays continuous by default; the species list is checked and lives in the URL', {
  skip,
}, async () => {
  let n = await runsDone(page);
  await page.selectOption('#engine', 'tau-leap');
  await nextRun(page, n);
  n = await runsDone(page);
  await page.fill('#runs', '3');
  await page.press('#runs', 'Enter');
  await nextRun(page, n);
  n = await runsDone(page);
  await page.selectOption('#engine', 'hybrid');
  await nextRun(page, n);
  assert.equal(await page.inputValue('#continuous'), 'Ab_c, Ab_p');
  assert.equal(await page.inputValue('#threshold'), '1000');
  assert.ok(!(await page.locator('#count-warning').isVisible()));
  // Whole cells for every stochastic method (the CLI's rule), the hybrid included.
  assert.ok(await page.locator('#round').isVisible());
  assert.match((await page.locator('#chart svg').textContent()) ?? '', /continuous: Ab_c, Ab_p/);
  const url = page.url();
  await page.fill('#continuous', 'Ab_c, nope');
  await page.press('#continuous', 'Enter');
  assert.match(
    (await page.locator('.settings .field-msg').textContent()) ?? '',
    /'nope' is not a species of model .* - not simulated/,
  );
  assert.equal(page.url(), url);
  n = await runsDone(page);
  await page.fill('#continuous', 'Ab_c');
  await page.press('#continuous', 'Enter');
  await page.fill('#threshold', '500');
  await page.press('#threshold', 'Enter');
  await nextRun(page, n);
  assert.match(page.url(), /cont=Ab_c&thr=500/);
  // Both edits may run separately (debounced): wait for the run with both.
  await page.waitForFunction(
    () => {
      const d = (globalThis as unknown as PageGlobals).document;
      return (
        d.body.dataset.run === 'done' &&
        /threshold 500; continuous: Ab_c\b/.test(d.getElementById('chart')?.textContent ?? '')
      );
    },
    undefined,
    { timeout: 20000 },
  );
  // Back to the ODE for the next test.
  n = await runsDone(page);
  await page.fill('#runs', '100');
  await page.press('#runs', 'Enter');
  await page.selectOption('#engine', 'ode');
  await nextRun(page, n);
});

test('a model file dropped on the page loads, lists its parameters and runs', { skip }, async () => {
  const n = await runsDone(page);
  const json = JSON.stringify({
    id: 'decay',
    compartments: [{ id: 'c', size: 1 }],
    species: [{ id: 'A', compartment: 'c', initial: 100, hasOnlySubstanceUnits: true }],
    parameters: [{ id: 'k', value: 0.5, unit: '1/day', range: [0.1, 1], source: 'assumed: test' }],
    reactions: [{ id: 'r', reactants: [{ species: 'A' }], products: [], rate: 'k * A' }],
  });
  const dt = await page.evaluateHandle((text) => {
    const g = globalThis as unknown as {
      DataTransfer: new () => { items: { add(f: unknown): void } };
      File: new (parts: string[], name: string) => unknown;
    };
    const d = new g.DataTransfer();
    d.items.add(new g.File([text], 'decay.json'));
    return d;
  }, json);
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
  await nextRun(page, n);
  assert.match(page.url(), /model=file/);
  assert.equal(await page.locator('.params tr[data-id="k"]').count(), 1);
  const a = await finalValue(page, 'A');
  const exact = 100 * Math.exp(-0.5 * 20);
  assert.ok(Math.abs(a - exact) < 1e-4 * exact, `A(20) = ${a}, exact ${exact}`);
});

test('a malformed SBML file shows the message the CLI prints', { skip }, async () => {
  const text =
    '<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2"><model id="m">';
  let expected = '';
  try {
    loadSource({ kind: 'file', name: 'bad.xml', text });
  } catch (e) {
    expected = (e as Error).message;
  }
  assert.match(expected, /^bad\.xml: /);
  await page.setInputFiles('#file', {
    name: 'bad.xml',
    mimeType: 'application/xml',
    buffer: Buffer.from(text),
  });
  await page.waitForFunction(
    () =>
      ((globalThis as unknown as PageGlobals).document.getElementById('file-error')?.textContent ?? '') !==
      '',
  );
  assert.equal(await page.locator('#file-error').textContent(), expected);
  assert.deepEqual(pageErrors, []);
});
