/** SBML Level 1 and Level 2 import: spellings, defaults and semantics read into the Level 3 model value. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { solve } from '../../src/engines/solve.js';
import { InputError } from '../../src/errors.js';
import { parseL1Formula } from '../../src/io/sbml/formula-l1.js';
import { importSbml, importSbmlDetailed } from '../../src/io/sbml/import.js';
import { compile } from '../../src/model/compile.js';
import { evaluate } from '../../src/model/expr/evaluate.js';

const MATH = 'xmlns="http://www.w3.org/1998/Math/MathML"';
const l2 = (version: number, body: string): string =>
  `<?xml version="1.0"?><sbml xmlns="http://www.sbml.org/sbml/level2${version > 1 ? `/version${version}` : ''}" level="2" version="${version}"><model id="m">${body}</model></sbml>`;
const l1 = (body: string): string =>
  `<?xml version="1.0"?><sbml xmlns="http://www.sbml.org/sbml/level1" level="1" version="2"><model name="m1">${body}</model></sbml>`;

const final = (xml: string, id: string, tEnd: number): number => {
  const p = compile(importSbml(xml, 'x.xml'));
  const sol = solve(p, { tEnd, outputTimes: [tEnd], outputs: [id], rtol: 1e-10, atol: 1e-12 });
  return sol.y[0]!;
};

describe('SBML Level 1 formulas', () => {
  const val = (f: string, vars: Record<string, number> = {}): number =>
    evaluate(parseL1Formula(f, { where: 'test' }), { value: (id) => vars[id]! });
  it('follows the Level 1 precedence and functions', () => {
    assert.equal(val('1 + 2 * 3 - 4 / 2'), 5);
    assert.equal(val('2 ^ 3 ^ 2'), 64); // left-associative, as libSBML reads Level 1
    assert.equal(val('-2 ^ 2'), 4); // unary minus binds tighter than ^
    assert.equal(val('sqr(3) + pow(2, 3)'), 17);
    assert.equal(val('log(exp(2)) + log10(1000)'), 5);
    assert.equal(val('k1 * S1 / (1 + S1)', { k1: 2, S1: 1 }), 1);
    assert.equal(val('acos(1) + asin(0) + atan(0) + ceil(0.2) + floor(0.7) + abs(-1)'), 2);
    assert.equal(val('1.5e-1 * 10'), 1.5);
  });
  it('names the column and what was expected', () => {
    const bad = (f: string, re: RegExp): void =>
      assert.throws(
        () => parseL1Formula(f, { file: 'a.xml', where: "reaction 'R'" }),
        (e: unknown) => e instanceof InputError && re.test(e.message) && e.message.startsWith('a.xml: '),
      );
    bad('k1 * (S1', /column 9: expected '\)'/);
    bad('k1 * * S1', /column 6: expected a number, a name or '\('/);
    bad('foo(S1)', /unknown function 'foo'/);
    bad('pow(S1)', /pow takes 2 argument/);
    bad('k1 $ 2', /unexpected character '\$'/);
    bad('k1 S1', /unexpected 'S1'/);
  });
});

describe('SBML Level 1 import', () => {
  const model = l1(`
    <listOfCompartments><compartment name="c" volume="2"/></listOfCompartments>
    <listOfSpecies><specie name="A" compartment="c" initialAmount="4"/><species name="B" compartment="c" initialAmount="0"/></listOfSpecies>
    <listOfParameters><parameter name="k" value="0.5"/><parameter name="q"/></listOfParameters>
    <listOfRules><parameterRule name="q" formula="2 * k"/></listOfRules>
    <listOfReactions><reaction name="R" reversible="false">
      <listOfReactants><specieReference specie="A" stoichiometry="2" denominator="2"/></listOfReactants>
      <listOfProducts><speciesReference species="B"/></listOfProducts>
      <kineticLaw formula="kl * A * c"><listOfParameters><parameter name="kl" value="0.5"/></listOfParameters></kineticLaw>
    </reaction></listOfReactions>`);
  it('reads names as ids, specie spellings, volume, denominators, rules and local parameters', () => {
    const m = importSbml(model);
    assert.equal(m.id, 'm1');
    assert.deepEqual(
      m.species.map((s) => [s.id, s.initial, s.hasOnlySubstanceUnits]),
      [
        ['A', 4, false],
        ['B', 0, false],
      ],
    );
    assert.equal(m.compartments[0]!.size, 2);
    assert.equal(m.reactions[0]!.reactants[0]!.stoichiometry, 1);
    assert.equal(m.parameters.find((p) => p.id === 'q')!.constant, false);
    assert.equal(m.parameters.find((p) => p.id === 'k')!.constant, true);
    assert.deepEqual(m.reactions[0]!.localParameters, [{ id: 'kl', value: 0.5 }]);
  });
  it('simulates with species as concentrations in formulas', () => {
    // Rate kl [A] c with stoichiometry 2/2: d[A]/dt = -0.5 [A], [A](0) = 4 / 2.
    assert.ok(Math.abs(final(model, 'A', 2) - 2 * Math.exp(-1)) < 1e-8);
  });
});

describe('SBML Level 2 import', () => {
  it('applies Level 2 defaults (constant parameters, 3-D compartments, no default size)', () => {
    const m = importSbml(
      l2(
        4,
        `<listOfCompartments><compartment id="c" size="1"/></listOfCompartments>
         <listOfSpecies><species id="S" compartment="c" initialConcentration="1"/></listOfSpecies>
         <listOfParameters><parameter id="k" value="1"/></listOfParameters>`,
      ),
    );
    assert.equal(m.compartments[0]!.spatialDimensions, 3);
    assert.equal(m.parameters[0]!.constant, true);
    assert.equal(m.species[0]!.constant, false);
    assert.equal(m.species[0]!.boundary, false);
    assert.equal(m.species[0]!.initialKind, 'concentration');
  });
  it('turns stoichiometryMath into a stoichiometry set by an assignment rule', () => {
    const xml = l2(
      3,
      `<listOfCompartments><compartment id="c" size="1"/></listOfCompartments>
       <listOfSpecies><species id="A" compartment="c" initialAmount="0"/></listOfSpecies>
       <listOfParameters><parameter id="n" value="3"/></listOfParameters>
       <listOfReactions><reaction id="R" reversible="false">
         <listOfProducts><speciesReference species="A">
           <stoichiometryMath><math ${MATH}><ci>n</ci></math></stoichiometryMath>
         </speciesReference></listOfProducts>
         <kineticLaw><math ${MATH}><cn>1</cn></math></kineticLaw>
       </reaction></listOfReactions>`,
    );
    const m = importSbml(xml);
    const ref = m.reactions[0]!.products[0]!;
    assert.equal(ref.constant, false);
    assert.ok(m.rules?.some((r) => r.kind === 'assignment' && r.variable === ref.id));
    assert.ok(Math.abs(final(xml, 'A', 2) - 6) < 1e-9);
  });
  it('reads Level 2 events as initialValue=true, persistent=true, without priority', () => {
    const m = importSbml(
      l2(
        1,
        `<listOfCompartments><compartment id="c" size="1"/></listOfCompartments>
         <listOfParameters><parameter id="x" value="0" constant="false"/></listOfParameters>
         <listOfEvents><event id="e"><trigger><math ${MATH}><apply><gt/><csymbol encoding="text"
           definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol><cn>1</cn></apply></math></trigger>
           <listOfEventAssignments><eventAssignment variable="x"><math ${MATH}><cn>2</cn></math></eventAssignment></listOfEventAssignments>
         </event></listOfEvents>`,
      ),
    );
    const e = m.events![0]!;
    assert.deepEqual(
      [e.initialValue, e.persistent, e.useValuesFromTriggerTime, e.priority],
      [true, true, true, undefined],
    );
  });
  it('rejects Level 3 csymbols in a Level 2 document', () => {
    const xml = l2(
      4,
      `<listOfParameters><parameter id="x" constant="false"/></listOfParameters>
       <listOfRules><assignmentRule variable="x"><math ${MATH}><csymbol encoding="text"
         definitionURL="http://www.sbml.org/sbml/symbols/avogadro">N</csymbol></math></assignmentRule></listOfRules>`,
    );
    assert.throws(
      () => importSbml(xml, 'a.xml'),
      (e: unknown) => e instanceof InputError && /a\.xml: .*avogadro.* Level 3 only/.test(e.message),
    );
  });
  it('gives a compartment sized only by an initial assignment its t0 value, not NaN', () => {
    const xml = l2(
      4,
      `<listOfCompartments><compartment id="c"/></listOfCompartments>
       <listOfSpecies><species id="S" compartment="c" initialConcentration="1"/></listOfSpecies>
       <listOfParameters><parameter id="V0" value="2"/></listOfParameters>
       <listOfInitialAssignments><initialAssignment symbol="c"><math ${MATH}><apply><times/><ci>V0</ci><cn>1.5</cn></apply></math></initialAssignment></listOfInitialAssignments>`,
    );
    const m = importSbml(xml);
    assert.equal(m.compartments[0]!.size, 3);
    assert.equal(JSON.parse(JSON.stringify(m)).compartments[0].size, 3);
    assert.ok(Math.abs(final(xml, 'S', 1) - 1) < 1e-12); // concentration 1, amount 3
  });
  it('takes 0 for a value nothing sets, with a warning (as libRoadRunner and COPASI do)', () => {
    const { model, warnings } = importSbmlDetailed(
      l2(
        1,
        `<listOfCompartments><compartment id="c" size="1"/></listOfCompartments>
         <listOfParameters><parameter id="x" constant="false"/></listOfParameters>
         <listOfRules><rateRule variable="x"><math ${MATH}><cn>1</cn></math></rateRule></listOfRules>`,
      ),
    );
    assert.equal(model.parameters[0]!.value, 0);
    assert.ok(warnings.some((w) => /'x' has no initial value and nothing assigns one: taken as 0/.test(w)));
  });
  it('names the file, the element and what was expected in malformed Level 1 and 2 files', () => {
    const bad = (xml: string, re: RegExp): void =>
      assert.throws(
        () => importSbml(xml, 'bad.xml'),
        (e: unknown) => e instanceof InputError && e.message.startsWith('bad.xml: ') && re.test(e.message),
      );
    bad(
      l1('<listOfSpecies><species compartment="c" initialAmount="1"/></listOfSpecies>'),
      /missing attribute 'name'/,
    );
    bad(
      l1(
        '<listOfCompartments><compartment name="c"/></listOfCompartments><listOfRules><parameterRule name="k" type="sometimes" formula="1"/></listOfRules>',
      ),
      /type='sometimes'.*expected 'scalar' or 'rate'/,
    );
    bad(
      l2(4, '<listOfCompartments><compartment id="c" size="big"/></listOfCompartments>'),
      /compartment 'c': attribute size='big' is not a number/,
    );
    bad(l2(2, '<listOfSpecies><specie id="S"/></listOfSpecies>'), /unexpected <specie>/);
  });
});
