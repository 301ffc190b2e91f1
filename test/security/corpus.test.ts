/**
 * The attack corpus (test/security/corpus/), each file through the CLI: a clear error (exit 2 naming the
 * file and the place) or a correct result. Files too large to keep (1e6-character ids) are made here.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cli } from '../helpers/cli.js';

const corpus = join(dirname(fileURLToPath(import.meta.url)), 'corpus');
const at = (f: string): string => join(corpus, f);

async function simulate(path: string, ...extra: string[]) {
  return cli(
    'simulate',
    path,
    '--t-end',
    '1',
    '--steps',
    '1',
    '--rtol',
    '1e-10',
    '--atol',
    '1e-12',
    ...extra,
  );
}

/** Last CSV row of a simulate run, by column name. */
function lastRow(out: string): Map<string, number> {
  const lines = out.trim().split('\n');
  const head = lines[0]!.split(',');
  const row = lines.at(-1)!.split(',').map(Number);
  return new Map(head.map((h, i) => [h, row[i]!]));
}

const rejected: [file: string, message: RegExp][] = [
  ['billion-laughs.xml', /billion-laughs\.xml: line 2, column 1: internal DTD subsets are not supported/],
  ['external-entity.xml', /external-entity\.xml: line 2, column 1: internal DTD subsets are not supported/],
  ['undeclared-entity.xml', /undeclared-entity\.xml: line 5, column \d+: unknown entity '&xxe;'/],
  ['proto-entity.xml', /proto-entity\.xml: line 5, column \d+: unknown entity '&__proto__;'/],
  [
    'nan-initial.xml',
    /nan-initial\.xml: .*species 'S'.*initialAmount='NaN' and nothing assigns a value at t0 \(expected a number\)/,
  ],
  [
    'inf-parameter.xml',
    /inf-parameter\.xml: parameters\[0\]\.value: value must be a finite number, got Infinity/,
  ],
  [
    'e400-parameter.xml',
    /e400-parameter\.xml: parameters\[0\]\.value: value must be a finite number, got Infinity/,
  ],
  ['e400.json', /e400\.json: species\[0\]\.initial: initial value must be a finite number, got Infinity/],
  ['nan-string.json', /nan-string\.json: species\[0\]\.initial: expected a number/],
  ['proto.json', /proto\.json: model\.__proto__: key '__proto__' is not allowed/],
];

describe('security: attack corpus through the CLI', () => {
  for (const [f, message] of rejected) {
    it(`${f}: exit 2 with a clear message`, async () => {
      const r = await simulate(at(f));
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, message);
      assert.doesNotMatch(r.err, /internal error|TypeError|RangeError/);
    });
  }

  it('an external DOCTYPE is skipped, never fetched: the model simulates (S = exp(-t))', async () => {
    const r = await simulate(at('external-doctype.xml'));
    assert.equal(r.code, 0, r.err);
    assert.ok(Math.abs(lastRow(r.out).get('S')! - Math.exp(-1)) < 1e-8);
  });

  it('ids constructor, return, π, __proto__, toString simulate correctly (A -> B -> 2C)', async () => {
    // d constructor/dt = -constructor, d return/dt = constructor - 2 return, d π/dt = 2 return
    const r = await simulate(at('keywords.json'));
    assert.equal(r.code, 0, r.err);
    const y = lastRow(r.out);
    const a = Math.exp(-1);
    const b = Math.exp(-1) - Math.exp(-2);
    assert.ok(Math.abs(y.get('constructor')! - a) < 1e-8, String(y.get('constructor')));
    assert.ok(Math.abs(y.get('return')! - b) < 1e-8, String(y.get('return')));
    assert.ok(Math.abs(y.get('π')! - (1 - a - b)) < 1e-8, String(y.get('π')));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('`constructor` keys in JSON are ignored like any unknown key; nothing is polluted', async () => {
    const r = await simulate(at('constructor-key.json'));
    assert.equal(r.code, 0, r.err);
    assert.ok(Math.abs(lastRow(r.out).get('S')! - Math.exp(-1)) < 1e-8);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('1e6-character ids (SBML and JSON) simulate correctly and quickly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cscsim-longid-'));
    const id = `S${'x'.repeat(999_999)}`;
    const xml = readFileSync(at('ok.xml'), 'utf8').replace(/"S"|<ci>S<\/ci>/g, (m) => m.replace('S', id));
    const json = JSON.stringify({
      id: 'm',
      compartments: [{ id: 'c', size: 1 }],
      species: [{ id, compartment: 'c', initial: 1 }],
      parameters: [],
      reactions: [{ id: 'r', reactants: [{ species: id }], products: [], rate: id }],
    });
    for (const [name, text] of [
      ['long.xml', xml],
      ['long.json', json],
    ] as const) {
      const p = join(dir, name);
      writeFileSync(p, text);
      const t0 = performance.now();
      const r = await simulate(p);
      assert.equal(r.code, 0, r.err.slice(0, 300));
      assert.ok(performance.now() - t0 < 10_000);
      assert.ok(Math.abs(lastRow(r.out).get(id)! - Math.exp(-1)) < 1e-8, name);
    }
  });

  it('CSV with a BOM, CRLF, doubled quotes, commas and newlines inside quoted fields', async () => {
    const r = await cli(
      'survival',
      at('survival-quoted.csv'),
      '--time',
      'time',
      '--status',
      'status',
      '--group',
      'arm',
      '--json',
    );
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out) as {
      n: number;
      events: number;
      groups: { group: string; n: number; events: number }[];
    };
    assert.equal(j.n, 6);
    assert.equal(j.events, 4);
    assert.deepEqual(
      j.groups.map((g) => [g.group, g.n, g.events]),
      [
        ['arm "A", high', 3, 1],
        ['multi\r\nline', 3, 3],
      ],
    );
  });
});
