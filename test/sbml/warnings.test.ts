/** SBML import warnings reach the user: loadModel reports them, `cscsim simulate` prints them on stderr. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { main } from '../../src/cli/main.js';
import { loadModel } from '../../src/io/load-model.js';

const dir = mkdtempSync(join(tmpdir(), 'cscsim-sbml-warn-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// z has no value and is fixed by the algebraic rule 0 = 2 k - z: the importer starts it from 0 and warns.
const M = 'xmlns="http://www.w3.org/1998/Math/MathML"';
const text = `<?xml version="1.0"?>
<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2"><model id="m">
<listOfParameters><parameter id="k" value="1.5" constant="true"/><parameter id="z" constant="false"/></listOfParameters>
<listOfRules><algebraicRule><math ${M}><apply><minus/><apply><times/><cn>2</cn><ci>k</ci></apply><ci>z</ci></apply></math></algebraicRule></listOfRules>
</model></sbml>`;
const file = join(dir, 'alg.xml');
writeFileSync(file, text);

test('loadModel hands each import warning to onWarning', () => {
  const seen: string[] = [];
  loadModel(file, { onWarning: (w) => seen.push(w) });
  assert.equal(seen.length, 1);
  assert.match(seen[0]!, /'z' has no value and appears in an algebraic rule/);
  assert.doesNotThrow(() => loadModel(file), 'no callback: warnings are dropped');
});

test('cscsim simulate prints import warnings on stderr as "warning: FILE: ..." and the rule holds from t0', async () => {
  let out = '';
  let err = '';
  const code = await main(['simulate', file, '--t-end', '1', '--steps', '1'], {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    isTTY: false,
  });
  assert.equal(code, 0, err);
  assert.ok(err.includes(`warning: ${file}: 'z' has no value and appears in an algebraic rule`), err);
  const rows = out.trim().split('\n');
  const z = rows[0]!.split(',').indexOf('z');
  assert.ok(z > 0, rows[0]);
  for (const row of rows.slice(1)) assert.equal(Number(row.split(',')[z]), 3, row);
});
