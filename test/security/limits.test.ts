/**
 * Depth and size limits of every reader, through the CLI: deeply nested input ends in exit 2 with the file
 * and the place, never in a RangeError. The limits: XML elements MAX_XML_DEPTH (1000), expression trees
 * MAX_DEPTH (500, infix text, MathML and JSON trees alike), JSON nesting MAX_JSON_DEPTH (1020). Everything
 * after a reader (check, simplify, derivative, codegen) recurses over trees the readers have bounded.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MAX_JSON_DEPTH } from '../../src/io/json-model.js';
import { MAX_XML_DEPTH } from '../../src/io/sbml/xml.js';
import { MAX_DEPTH } from '../../src/model/expr/parse.js';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cscsim-limits-'));

/** An SBML L3V2 model whose species S decays at a rate given as MathML. */
export function sbmlWithRate(math: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
<model id="m"><listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
<listOfSpecies><species id="S" compartment="c" initialAmount="1" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/></listOfSpecies>
<listOfReactions><reaction id="r" reversible="false"><listOfReactants><speciesReference species="S" stoichiometry="1" constant="true"/></listOfReactants>
<kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML">${math}</math></kineticLaw></reaction></listOfReactions>
</model></sbml>
`;
}

/** `S * 1 * 1 ...` as MathML nested n applies deep. */
function nestedTimes(n: number): string {
  return `${'<apply><times/><cn>1</cn>'.repeat(n)}<ci>S</ci>${'</apply>'.repeat(n)}`;
}

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

async function simulate(path: string) {
  return cli('simulate', path, '--t-end', '1', '--steps', '1');
}

describe('security: depth limits through the CLI', () => {
  it('200,000 nested <apply> elements: exit 2 naming the file and line, no stack overflow', async () => {
    const p = file('deep-apply.xml', sbmlWithRate(nestedTimes(200_000)));
    const r = await simulate(p);
    assert.equal(r.code, 2, r.err);
    assert.match(
      r.err,
      new RegExp(`deep-apply\\.xml: line 6, column \\d+: elements nested deeper than ${MAX_XML_DEPTH}`),
    );
  });

  it('MathML deeper than MAX_DEPTH but within the XML limit: exit 2 naming the reaction', async () => {
    const r = await simulate(file('deep-math.xml', sbmlWithRate(nestedTimes(MAX_DEPTH + 50))));
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /deep-math\.xml: .*reaction 'r'.*line 6: expression nested deeper than 500 levels/);
  });

  it('MathML just inside MAX_DEPTH simulates correctly (dS/dt = -S)', async () => {
    const r = await simulate(file('ok-math.xml', sbmlWithRate(nestedTimes(MAX_DEPTH - 2))));
    assert.equal(r.code, 0, r.err);
    const last = r.out.trim().split('\n').at(-1)!.split(',').map(Number);
    assert.ok(Math.abs(last[1]! - Math.exp(-1)) < 1e-5, String(last));
  });

  it('deep JSON (an unused key nested 200,000 levels): exit 2 with line and column', async () => {
    const n = 200_000;
    const p = file('deep.json', `{"id": "m", "x": ${'['.repeat(n)}${']'.repeat(n)}}`);
    const r = await simulate(p);
    assert.equal(r.code, 2, r.err);
    assert.match(
      r.err,
      new RegExp(`deep\\.json: JSON nested deeper than ${MAX_JSON_DEPTH} levels at line 1, column \\d+`),
    );
  });

  it('a deep expression tree in JSON and deep infix text: exit 2 naming the reaction', async () => {
    const base = { id: 'm', compartments: [{ id: 'c', size: 1 }], parameters: [] };
    const species = [{ id: 'S', compartment: 'c', initial: 1 }];
    const infix = `${'('.repeat(100_000)}S${')'.repeat(100_000)}`;
    const r1 = await simulate(
      file(
        'infix.json',
        JSON.stringify({
          ...base,
          species,
          reactions: [{ id: 'r', reactants: [{ species: 'S' }], products: [], rate: infix }],
        }),
      ),
    );
    assert.equal(r1.code, 2, r1.err);
    assert.match(r1.err, /infix\.json: reactions\[0\]\.rate: expression nested deeper than 500 levels/);
    let tree: unknown = { k: 'id', id: 'S' };
    for (let i = 0; i < MAX_DEPTH + 5; i++) tree = { k: 'op', op: 'neg', args: [tree] };
    const r2 = await simulate(
      file(
        'tree.json',
        JSON.stringify({
          ...base,
          species,
          reactions: [{ id: 'r', reactants: [], products: [], rate: tree }],
        }),
      ),
    );
    assert.equal(r2.code, 2, r2.err);
    assert.match(r2.err, /tree\.json: reactions\[0\]\.rate: expression nested deeper than 500 levels/);
  });

  it('the deepest accepted tree survives simplify, derivative (Rodas Jacobian) and codegen', async () => {
    // rate = 2 * (0.5 * (2 * (0.5 * ... S))) = S, nested 480 deep (the parser counts each parenthesis as a level too); rodas differentiates it symbolically.
    let rate = 'S';
    for (let i = 0; i < (MAX_DEPTH - 20) / 2; i++) rate = `${i % 2 ? 2 : 0.5} * (${rate})`;
    const m = {
      id: 'm',
      compartments: [{ id: 'c', size: 1 }],
      species: [{ id: 'S', compartment: 'c', initial: 1 }],
      parameters: [],
      reactions: [{ id: 'r', reactants: [{ species: 'S' }], products: [], rate }],
    };
    const p = file('deep-ok.json', JSON.stringify(m));
    for (const method of ['rodas', 'dopri5']) {
      const r = await cli(
        'simulate',
        p,
        '--t-end',
        '1',
        '--steps',
        '1',
        '--method',
        method,
        '--rtol',
        '1e-8',
      );
      assert.equal(r.code, 0, r.err);
      const y = Number(r.out.trim().split('\n').at(-1)!.split(',')[1]);
      assert.ok(Math.abs(y - Math.exp(-1)) < 1e-6, `${method}: ${y}`);
    }
  });
});
