import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cli } from '../helpers/cli.js';

const run = (argv: string[]) => cli(...argv);

const dir = mkdtempSync(join(tmpdir(), 'cscsim-sbml-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const M = 'xmlns="http://www.w3.org/1998/Math/MathML"';
const model = (reaction: string) => `<?xml version="1.0"?>
<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2"><model id="m">
<listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
<listOfSpecies><species id="A" compartment="c" initialAmount="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/></listOfSpecies>
<listOfParameters><parameter id="k" value="1" constant="true"/></listOfParameters>
<listOfReactions>${reaction}</listOfReactions>
</model></sbml>`;
const good = `<reaction id="R1" reversible="false"><listOfReactants><speciesReference species="A" stoichiometry="1" constant="true"/></listOfReactants>
<kineticLaw><math ${M}><apply><times/><ci>k</ci><ci>A</ci></apply></math></kineticLaw></reaction>`;

function file(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

describe('cscsim simulate MODEL.xml: SBML input errors exit with code 2 and say where', () => {
  it('simulates a valid SBML file', async () => {
    const r = await run(['simulate', file('ok.xml', model(good)), '--t-end', '1', '--steps', '2']);
    assert.equal(r.code, 0, r.err);
    const last = r.out.trim().split('\n').at(-1)!.split(',').map(Number);
    assert.ok(Math.abs(last[1]! - Math.exp(-1)) < 1e-5, r.out);
  });

  const cases: [string, string, RegExp][] = [
    [
      'malformed XML',
      model(good).replace('</listOfReactions>', '</listOfReaction>'),
      /bad\.xml: line 7, column \d+: end tag <\/listOfReaction> does not match <listOfReactions>/,
    ],
    [
      'a reaction naming an unknown species',
      model(good.replace('species="A"', 'species="B"')),
      /bad\.xml: reaction 'R1': unknown species 'B'/,
    ],
    [
      'an unknown MathML element',
      model(good.replace('<times/>', '<multiply/>')),
      /bad\.xml: reaction 'R1' kineticLaw: line 7: unknown or misplaced MathML element <multiply>/,
    ],
    [
      'an SBML package',
      model(good).replace(
        '<model id="m">',
        '<model id="m" xmlns:fbc="http://www.sbml.org/sbml/level3/version1/fbc/version2" fbc:strict="true">',
      ),
      /bad\.xml: line 2: attribute 'fbc:strict' of SBML package 'fbc'/,
    ],
  ];
  for (const [what, text, re] of cases) {
    it(`rejects ${what}`, async () => {
      const r = await run(['simulate', file('bad.xml', text), '--t-end', '1']);
      assert.equal(r.code, 2);
      assert.match(r.err, re);
      assert.equal(r.out, '');
    });
  }

  it('rejects a missing file', async () => {
    const r = await run(['simulate', join(dir, 'none.xml'), '--t-end', '1']);
    assert.equal(r.code, 2);
    assert.match(r.err, /none\.xml: cannot read SBML file: ENOENT/);
  });
});

describe('cscsim sbml-suite usage errors', () => {
  it('needs --cases and an existing folder', async () => {
    assert.equal((await run(['sbml-suite'])).code, 2);
    const r = await run(['sbml-suite', '--cases', join(dir, 'nope')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /cannot read cases folder/);
    assert.match(
      (await run(['sbml-suite', '--cases', dir, '--filter', 'x'])).err,
      /--filter: cannot read 'x'/,
    );
  });
});

describe('cscsim with SBML Levels 1 and 2', () => {
  it('simulates a Level 1 file and exits 2 on a malformed Level 1 formula, naming file, place and column', async () => {
    const l1 = (law: string) =>
      `<sbml xmlns="http://www.sbml.org/sbml/level1" level="1" version="2"><model name="m"><listOfCompartments><compartment name="c"/></listOfCompartments><listOfSpecies><specie name="A" compartment="c" initialAmount="1"/></listOfSpecies><listOfParameters><parameter name="k" value="1"/></listOfParameters><listOfReactions><reaction name="R"><listOfReactants><specieReference specie="A"/></listOfReactants><kineticLaw formula="${law}"/></reaction></listOfReactions></model></sbml>`;
    const ok = await run(['simulate', file('l1.xml', l1('k * A')), '--t-end', '1', '--steps', '1']);
    assert.equal(ok.code, 0, ok.err);
    const v = Number(ok.out.trim().split('\n')[2]!.split(',')[1]);
    assert.ok(Math.abs(v - Math.exp(-1)) < 1e-5, ok.out);
    const f = file('l1-bad.xml', l1('k * (A'));
    const bad = await run(['simulate', f, '--t-end', '1']);
    assert.equal(bad.code, 2);
    assert.match(
      bad.err,
      new RegExp(
        `${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: reaction 'R' kineticLaw: formula 'k \\* \\(A': column 7: expected '\\)'`,
      ),
    );
  });
  it('rejects an unknown --sbml version with exit 2', async () => {
    const r = await run(['sbml-suite', '--cases', dir, '--sbml', 'l4v1']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--sbml: 'l4v1' is not one of l1v2, l2v1/);
  });
});
