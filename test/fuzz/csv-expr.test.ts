/** Fuzzing the CSV reader (plain, numeric, survival tables) and the infix expression parser. */

import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseCsv, parseNumericCsv } from '../../src/io/csv.js';
import { compile } from '../../src/model/compile.js';
import { parseExpr } from '../../src/model/expr/parse.js';
import type { Model } from '../../src/model/types.js';
import { readSurvivalCsv } from '../../src/trial/survival/csv-data.js';
import { infixText } from './expr-arbitraries.js';
import { fuzz, mutatedText, NASTY_VALUES } from './harness.js';
import { csvSeeds } from './seeds.js';

const CSV_TOKENS = [
  '"',
  '""',
  ',',
  '\n',
  '\r\n',
  '\r',
  '\uFEFF',
  ' ',
  '\t',
  'NaN',
  'Inf',
  '-inf',
  '1e400',
  '0',
  '1',
  'a',
];
const len = (s: string): number => s.length;

const csvText = fc.oneof(
  mutatedText(fc.constantFrom(...csvSeeds()), CSV_TOKENS),
  fc.array(fc.constantFrom(...CSV_TOKENS, ...NASTY_VALUES), { maxLength: 60 }).map((t) => t.join('')),
);

function model(rate: string): Model {
  return {
    id: 'm',
    functions: [{ id: 'f', params: ['x'], body: { k: 'id', id: 'x' } }],
    compartments: [{ id: 'c', size: 1 }],
    species: [
      { id: 'S', compartment: 'c', initial: 1 },
      { id: 'P', compartment: 'c', initial: 0 },
    ],
    parameters: ['k', 'x', 'q', 'constructor', 'return', '__proto__', 'π'].map((id) => ({
      id,
      value: 2,
      unit: '1',
      source: 'fuzz',
    })),
    reactions: [
      { id: 'r', reactants: [{ species: 'S' }], products: [{ species: 'P' }], rate: parseExpr(rate) },
    ],
  };
}

describe('fuzz: CSV and infix expressions', () => {
  it('CSV reader: tables, numeric tables and survival columns', async () => {
    await fuzz(csvText, len, (s) => {
      parseCsv(s, { file: 'fuzz.csv' });
      try {
        parseNumericCsv(s, { file: 'fuzz.csv' });
      } finally {
        readSurvivalCsv(s, { time: 'time', status: 'status', group: 'group' }, 'fuzz.csv');
      }
    });
  });

  it('infix parser (and compiling what it parses as a reaction rate)', async () => {
    const text = fc.oneof(
      { weight: 3, arbitrary: infixText },
      {
        weight: 1,
        arbitrary: mutatedText(infixText, [
          '(',
          ')',
          ',',
          '`',
          '^',
          '-',
          '!',
          'e',
          '.',
          ' ',
          '\u00a0',
          '$',
          ';',
        ]),
      },
    );
    await fuzz(text, len, (s) => compile(model(s)));
  });
});
