/** Fuzzing the XML parser, the MathML reader and SBML import (see harness.ts for the property). */
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { modelFromText } from '../../src/io/model-text.js';
import { importSbmlDetailed } from '../../src/io/sbml/import.js';
import { mathToExpr } from '../../src/io/sbml/mathml.js';
import { parseXml } from '../../src/io/sbml/xml.js';
import { compile } from '../../src/model/compile.js';
import type { Model } from '../../src/model/types.js';
import { FUZZ_RUNS, fuzz, mutatedText } from './harness.js';
import { sbmlSeeds } from './seeds.js';
import { mathmlDoc, mutatedXml, XML_TOKENS } from './xml-arbitraries.js';

const len = (s: string): number => s.length;
const seedText = fc.constantFrom(...sbmlSeeds());

function withRate(rate: Model['reactions'][number]['rate']): Model {
  return {
    id: 'm',
    functions: [{ id: 'f', params: ['x'], body: { k: 'id', id: 'x' } }],
    compartments: [{ id: 'c', size: 1 }],
    species: [
      { id: 'S', compartment: 'c', initial: 1 },
      { id: 'P', compartment: 'c', initial: 0 },
    ],
    parameters: [
      { id: 'k', value: 2, unit: '1', source: 'fuzz' },
      { id: 'x', value: 3, unit: '1', source: 'fuzz' },
      { id: 'q', value: 4, unit: '1', source: 'fuzz' },
    ],
    reactions: [{ id: 'r', reactants: [{ species: 'S' }], products: [{ species: 'P' }], rate }],
  };
}

describe('fuzz: XML, MathML, SBML', () => {
  it('parseXml: mutated SBML documents', async () => {
    await fuzz(mutatedText(seedText, XML_TOKENS), len, (s) => parseXml(s, 'fuzz.xml'));
  });

  it('MathML reader (and compiling what it reads as a reaction rate)', async () => {
    await fuzz(mathmlDoc, len, (s) => {
      const e = mathToExpr(parseXml(s, 'fuzz.xml'), { file: 'fuzz.xml', where: 'fuzz' });
      compile(withRate(e));
    });
  });

  it('SBML import, validation and compilation of mutated test-suite models', async () => {
    await fuzz(
      mutatedXml(sbmlSeeds()),
      len,
      (s) => {
        const { model } = modelFromText(s, 'fuzz.xml');
        compile(model);
      },
      FUZZ_RUNS,
    );
  });

  it('SBML import alone on text mutations', async () => {
    await fuzz(mutatedText(seedText, XML_TOKENS), len, (s) => importSbmlDetailed(s, 'fuzz.xml'));
  });
});
