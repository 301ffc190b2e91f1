import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../src/errors.js';
import { UnsupportedError } from '../../src/io/sbml/errors.js';
import { importSbml, importSbmlDetailed } from '../../src/io/sbml/import.js';

const M = 'xmlns="http://www.w3.org/1998/Math/MathML"';
const doc = (body: string, extraNs = '') =>
  `<?xml version="1.0"?>
<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" ${extraNs} level="3" version="2">
  <model id="m" conversionFactor="cf">
${body}
  </model>
</sbml>`;

const BODY = `
    <listOfFunctionDefinitions>
      <functionDefinition id="mm"><math ${M}><lambda><bvar><ci>s</ci></bvar><bvar><ci>k</ci></bvar>
        <apply><divide/><ci>s</ci><apply><plus/><ci>k</ci><ci>s</ci></apply></apply></lambda></math></functionDefinition>
    </listOfFunctionDefinitions>
    <listOfCompartments><compartment id="c" size="2" spatialDimensions="3" constant="true"/></listOfCompartments>
    <listOfSpecies>
      <species id="A" compartment="c" initialConcentration="1.5" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
      <species id="B" compartment="c" initialAmount="0" hasOnlySubstanceUnits="true" boundaryCondition="true" constant="false" conversionFactor="cf"/>
    </listOfSpecies>
    <listOfParameters>
      <parameter id="k" value="0.5" units="per_second" constant="true"/>
      <parameter id="cf" value="1" constant="true"/>
      <parameter id="p" constant="false"/>
    </listOfParameters>
    <listOfInitialAssignments>
      <initialAssignment symbol="p"><math ${M}><apply><times/><cn>2</cn><ci>k</ci></apply></math></initialAssignment>
    </listOfInitialAssignments>
    <listOfRules>
      <rateRule variable="p"><math ${M}><cn>1</cn></math></rateRule>
    </listOfRules>
    <listOfReactions>
      <reaction id="R" reversible="false">
        <listOfReactants><speciesReference id="sA" species="A" stoichiometry="2" constant="false"/></listOfReactants>
        <listOfProducts><speciesReference species="B" stoichiometry="1" constant="true"/></listOfProducts>
        <listOfModifiers><modifierSpeciesReference species="B"/></listOfModifiers>
        <kineticLaw>
          <math ${M}><apply><times/><ci>k</ci><apply><ci>mm</ci><ci>A</ci><ci>k</ci></apply></apply></math>
          <listOfLocalParameters><localParameter id="k" value="3"/></listOfLocalParameters>
        </kineticLaw>
      </reaction>
    </listOfReactions>
    <listOfEvents>
      <event id="E" useValuesFromTriggerTime="false">
        <trigger initialValue="false" persistent="false"><math ${M}><apply><gt/><csymbol definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol><cn>1</cn></apply></math></trigger>
        <delay><math ${M}><cn>0.5</cn></math></delay>
        <priority><math ${M}><cn>1</cn></math></priority>
        <listOfEventAssignments><eventAssignment variable="A"><math ${M}><cn>3</cn></math></eventAssignment></listOfEventAssignments>
      </event>
    </listOfEvents>`;

describe('importSbml', () => {
  it('maps every core construct onto the model value', () => {
    const m = importSbml(doc(BODY), 'x.xml');
    assert.equal(m.id, 'm');
    assert.equal(m.conversionFactor, 'cf');
    assert.deepEqual(m.functions?.[0]?.params, ['s', 'k']);
    assert.deepEqual(m.compartments, [{ id: 'c', size: 2, spatialDimensions: 3, constant: true }]);
    const [a, b] = m.species;
    assert.equal(a!.initialKind, 'concentration');
    assert.equal(a!.initial, 1.5);
    assert.equal(b!.hasOnlySubstanceUnits, true);
    assert.equal(b!.boundary, true);
    assert.equal(b!.conversionFactor, 'cf');
    assert.deepEqual(m.parameters[0], {
      id: 'k',
      value: 0.5,
      unit: 'per_second',
      source: 'SBML: x.xml',
      constant: true,
    });
    assert.ok(Number.isNaN(m.parameters[2]!.value));
    assert.equal(m.initialAssignments?.[0]?.variable, 'p');
    assert.deepEqual(m.rules, [{ kind: 'rate', variable: 'p', math: { k: 'num', v: 1 } }]);
    const r = m.reactions[0]!;
    assert.deepEqual(r.reactants, [{ species: 'A', stoichiometry: 2, id: 'sA', constant: false }]);
    assert.deepEqual(r.modifiers, ['B']);
    assert.deepEqual(r.localParameters, [{ id: 'k', value: 3 }]);
    assert.equal(r.rate.k, 'op');
    const e = m.events![0]!;
    assert.equal(e.initialValue, false);
    assert.equal(e.persistent, false);
    assert.equal(e.useValuesFromTriggerTime, false);
    assert.deepEqual(e.delay, { k: 'num', v: 0.5 });
    assert.deepEqual(e.priority, { k: 'num', v: 1 });
    assert.deepEqual(e.assignments, [{ variable: 'A', math: { k: 'num', v: 3 } }]);
  });

  it('is plain data that survives JSON', () => {
    const m = importSbml(
      doc(
        BODY.replace(
          '<parameter id="p" constant="false"/>',
          '<parameter id="p" value="0" constant="false"/>',
        ),
      ),
    );
    assert.deepEqual(JSON.parse(JSON.stringify(m)), m);
  });

  it('ignores missing optional math with a warning, and a missing kinetic law means rate 0', () => {
    const body = BODY.replace(/<delay>.*<\/delay>/, '<delay/>').replace(
      /<kineticLaw>[\s\S]*<\/kineticLaw>/,
      '',
    );
    const { model, warnings } = importSbmlDetailed(doc(body));
    assert.equal(model.events![0]!.delay, undefined);
    assert.deepEqual(model.reactions[0]!.rate, { k: 'num', v: 0 });
    assert.equal(warnings.length, 2);
    assert.match(warnings.join('\n'), /kineticLaw/);
  });

  const errors: [string, string, RegExp][] = [
    [
      'a reaction naming an unknown species',
      BODY.replace('species="B" stoichiometry="1"', 'species="Z" stoichiometry="1"'),
      /reaction 'R': unknown species 'Z'/,
    ],
    [
      'an unknown id in math',
      BODY.replace('<cn>0.5</cn>', '<ci>nope</ci>'),
      /event 'E' delay: unknown identifier 'nope'/,
    ],
    [
      'a call of an unknown function',
      BODY.replace('<ci>mm</ci>', '<ci>mx</ci>'),
      /reaction 'R' kineticLaw: call of unknown function 'mx'/,
    ],
    [
      'a wrong argument count',
      BODY.replace('<ci>A</ci><ci>k</ci></apply></apply>', '<ci>A</ci></apply></apply>'),
      /function 'mm' takes 2/,
    ],
    [
      'a rule for an unknown variable',
      BODY.replace('rateRule variable="p"', 'rateRule variable="q"'),
      /rateRule 'q': unknown variable 'q'/,
    ],
    [
      'an unknown compartment',
      BODY.replace('id="A" compartment="c"', 'id="A" compartment="cc"'),
      /species 'A': unknown compartment 'cc'/,
    ],
    ['a duplicate id', BODY.replace('id="cf"', 'id="k"'), /parameter 'k': id already used/],
    [
      'an unknown MathML element',
      BODY.replace('<cn>0.5</cn>', '<foo/>'),
      /event 'E' delay: line \d+: .*<foo>/,
    ],
    [
      'a bad number',
      BODY.replace('size="2"', 'size="two"'),
      /compartment 'c': attribute size='two' is not a number/,
    ],
  ];
  for (const [what, body, re] of errors) {
    it(`rejects ${what}`, () => {
      assert.throws(
        () => importSbml(doc(body), 'x.xml'),
        (e: unknown) =>
          e instanceof InputError &&
          !(e instanceof UnsupportedError) &&
          re.test(e.message) &&
          e.message.startsWith('x.xml: '),
      );
    });
  }

  it('reports SBML package content as unsupported, naming the package', () => {
    const ns = 'xmlns:fbc="http://www.sbml.org/sbml/level3/version1/fbc/version2" fbc:required="false"';
    assert.doesNotThrow(() => importSbml(doc(BODY, ns)));
    const withAttr = BODY.replace('<species id="A"', '<species fbc:charge="1" id="A"');
    assert.throws(
      () => importSbml(doc(withAttr, ns)),
      (e: unknown) =>
        e instanceof UnsupportedError && e.feature === 'fbc' && /fbc:charge.*species id='A'/.test(e.message),
    );
    const comp = 'xmlns:comp="http://www.sbml.org/sbml/level3/version1/comp/version1" comp:required="true"';
    const withEl = BODY.replace('<listOfEvents>', '<comp:listOfSubmodels/><listOfEvents>');
    assert.throws(
      () => importSbml(doc(withEl, comp)),
      (e: unknown) => e instanceof UnsupportedError && e.feature === 'comp',
    );
  });

  it('reports unknown levels as unsupported, and a level contradicting the namespace', () => {
    const l2v9 =
      '<sbml xmlns="http://www.sbml.org/sbml/level2/version9" level="2" version="9"><model/></sbml>';
    assert.throws(
      () => importSbml(l2v9),
      (e: unknown) => e instanceof UnsupportedError && /level 2 version 9/.test(e.message),
    );
    const mixed =
      '<sbml xmlns="http://www.sbml.org/sbml/level2/version4" level="3" version="1"><model/></sbml>';
    assert.throws(
      () => importSbml(mixed),
      (e: unknown) => e instanceof UnsupportedError && /contradicts .* Level 2 Version 4/.test(e.message),
    );
  });
});
