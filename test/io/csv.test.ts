import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { InputError } from '../../src/errors.js';
import {
  csvFromColumns,
  formatCsv,
  formatCsvField,
  formatCsvNumber,
  parseCsv,
  parseCsvNumber,
  parseNumericCsv,
} from '../../src/io/csv.js';
import { sharedFixture } from '../helpers/fixtures.js';

test('numbers round-trip exactly in the shortest form', () => {
  const special = [
    0,
    -0,
    1,
    -1,
    0.1,
    1 / 3,
    1e21,
    1e-7,
    123456789012345680000,
    Number.MIN_VALUE,
    -Number.MIN_VALUE,
    Number.MAX_VALUE,
    2.2250738585072014e-308,
    Number.EPSILON,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  const buf = new DataView(new ArrayBuffer(8));
  let seed = 12345;
  const randoms: number[] = [];
  // Random bit patterns cover every exponent and mantissa (xorshift32, fixed seed).
  for (let i = 0; i < 20000; i++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    buf.setUint32(0, seed >>> 0);
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    buf.setUint32(4, seed >>> 0);
    randoms.push(buf.getFloat64(0));
  }
  for (const v of [...special, ...randoms]) {
    const s = formatCsvNumber(v);
    const back = parseCsvNumber(s);
    assert.ok(back !== undefined, `cannot parse ${s}`);
    assert.ok(Object.is(back, v) || (Number.isNaN(v) && Number.isNaN(back)), `${v} -> ${s} -> ${back}`);
    assert.ok(!s.includes('e+'), s);
  }
  assert.equal(formatCsvNumber(1e21), '1e21');
  assert.equal(formatCsvNumber(-0), '-0');
  assert.equal(formatCsvNumber(0.1), '0.1');
  assert.equal(formatCsvNumber(Number.NEGATIVE_INFINITY), '-Inf');
});

test('writer quotes per RFC 4180 and checks row lengths', () => {
  assert.equal(formatCsvField('a,b'), '"a,b"');
  assert.equal(formatCsvField('say "hi"'), '"say ""hi"""');
  assert.equal(formatCsvField('two\nlines'), '"two\nlines"');
  assert.equal(formatCsvField(' padded'), '" padded"');
  assert.equal(formatCsvField(null), '');
  const text = formatCsv(
    ['id', 'note', 'x'],
    [
      ['a', 'x,y', 1.5],
      ['b', null, Number.NaN],
    ],
    { eol: '\r\n' },
  );
  assert.equal(text, 'id,note,x\r\na,"x,y",1.5\r\nb,,NaN\r\n');
  assert.throws(() => formatCsv(['a', 'b'], [[1]]), /rows\[0\]: row has 1 fields, header has 2/);
  assert.equal(
    csvFromColumns({ time: [0, 0.1], S1: new Float64Array([1.5e-4, 1e-30]) }),
    'time,S1\n0,0.00015\n0.1,1e-30\n',
  );
  assert.throws(() => csvFromColumns({ a: [1, 2], b: [1] }), /b: column has 1 values, expected 2/);
});

test('reader: round trip of quoted fields, CRLF, BOM, blank lines and padding', () => {
  const rows = [
    ['plain', 'with,comma', 'with "quote"'],
    ['multi\nline', '', ' kept spaces '],
  ];
  const text = formatCsv(['a', 'b', 'c'], rows, { eol: '\r\n' });
  const t = parseCsv(`\uFEFF${text}\r\n\r\n`);
  assert.deepEqual(t.header, ['a', 'b', 'c']);
  assert.deepEqual(t.rows, rows);
  assert.deepEqual(t.lines, [2, 3]);
  const padded = parseNumericCsv('time, P, Q, R\n0,INF,-INF, NaN\n0.1, 1e-3 ,+Infinity,-nan\n');
  assert.deepEqual(padded.header, ['time', 'P', 'Q', 'R']);
  assert.equal(padded.rowCount, 2);
  assert.deepEqual(Array.from(padded.columns[1]), [Number.POSITIVE_INFINITY, 0.001]);
  assert.deepEqual(Array.from(padded.columns[2]), [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
  assert.ok(Number.isNaN(padded.columns[3][0]) && Number.isNaN(padded.columns[3][1]));
});

test('reader errors name the file and line', () => {
  const cases: [string, RegExp][] = [
    ['a,b\n1,2\n3\n', /^r\.csv: line 3: expected 2 fields \(as in the header\), found 1$/],
    ['a,b\n1,"2\n3,4\n', /^r\.csv: line 2: unterminated quoted field$/],
    ['a,b\n1,x"y"\n', /^r\.csv: line 2: quote inside an unquoted field$/],
    ['a,b\n1,"2"x\n', /^r\.csv: line 2: text after a closing quote$/],
    ['', /^r\.csv: empty CSV: no header row$/],
  ];
  for (const [text, re] of cases) {
    assert.throws(
      () => parseCsv(text, { file: 'r.csv' }),
      (e: unknown) => e instanceof InputError && re.test(e.message),
    );
  }
  assert.throws(
    () => parseNumericCsv('t,S1\n0,1\n0.1,abc\n', { file: 'res.csv' }),
    /^InputError: res\.csv: line 3: column 'S1': not a number: "abc"$/,
  );
  assert.throws(() => parseNumericCsv('t,S1\n0,\n', { file: 'res.csv' }), /line 2: column 'S1': empty value/);
  assert.equal(parseCsvNumber('1e5x'), undefined);
  assert.equal(parseCsvNumber('0x10'), undefined);
  assert.equal(parseCsvNumber(''), undefined);
});

const suite = sharedFixture('sbml-test-suite', 'SBML Test Suite results files (test/io/csv.test.ts)');

test('reads every SBML Test Suite results file', { skip: suite.skip }, (t) => {
  const root = suite.dir;
  let files = 0;
  let values = 0;
  for (const kind of ['semantic', 'stochastic']) {
    const dir = join(root, kind);
    if (!existsSync(dir)) continue;
    for (const c of readdirSync(dir)) {
      for (const f of readdirSync(join(dir, c))) {
        if (!f.endsWith('.csv')) continue;
        const file = join(dir, c, f);
        const r = parseNumericCsv(readFileSync(file, 'utf8'), { file });
        assert.ok(r.header.length >= 1 && r.rowCount >= 1, file);
        files++;
        values += r.rowCount * r.header.length;
      }
    }
  }
  assert.ok(files > 1000, `only ${files} CSV files read`);
  t.diagnostic(`${files} files, ${values} values`);
});
