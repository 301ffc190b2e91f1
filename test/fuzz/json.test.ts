/**
 * Fuzzing the JSON model loader: structured edits of the built-in models (replace any value on a random
 * path by a nasty JSON value, an infix expression or a deep tree; delete it; add `__proto__` or
 * `constructor` keys), then text edits. The loaded model is validated and compiled too.
 */

import { describe, it } from 'node:test';
import fc from 'fast-check';
import { modelFromText } from '../../src/io/model-text.js';
import { compile } from '../../src/model/compile.js';
import { infixText } from './expr-arbitraries.js';
import { fuzz, mutatedText, NASTY_VALUES, place, spot } from './harness.js';
import { jsonSeeds } from './seeds.js';

const JSON_TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  '\\u0000',
  'null',
  'true',
  '1e400',
  '-0',
  '"__proto__":',
  '{"k":"op","op":"add","args":[]}',
];

const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...NASTY_VALUES),
  fc.constantFrom(0, -0, 1, -1, 1e308, 5e-324, 2 ** 53, 0.5, 1e6),
  fc.constantFrom(null, true, false, [], {}, { __proto__: null }),
  fc.constantFrom(
    { k: 'num', v: 1 },
    { k: 'id', id: 'x' },
    { k: 'op', op: 'add', args: [] },
    { k: 'call', fn: 'f', args: [] },
  ),
  infixText,
  fc.jsonValue({ maxDepth: 3 }),
);

/** A key that becomes `"__proto__"` in the text (assigning __proto__ itself would set the prototype). */
const PROTO = '__cscsim_proto__';

type Edit = [kind: 'set' | 'delete' | 'proto', path: number[], v: unknown];
const edit: fc.Arbitrary<Edit> = fc.tuple(
  fc.constantFrom('set', 'set', 'set', 'delete', 'proto') as fc.Arbitrary<Edit[0]>,
  fc.array(spot, { minLength: 1, maxLength: 8 }),
  value,
);

function apply(data: unknown, [kind, path, v]: Edit): void {
  let cur = data as Record<string, unknown>;
  for (let d = 0; d < path.length; d++) {
    const keys = Object.keys(cur);
    if (keys.length === 0) break;
    const key = keys[place(path[d]!, keys.length)]!;
    const next = cur[key];
    const last = d === path.length - 1 || typeof next !== 'object' || next === null;
    if (last) {
      if (kind === 'delete') delete cur[key];
      else if (kind === 'proto') cur[place(path[d]!, 2) ? PROTO : 'constructor'] = structuredClone(v);
      else cur[key] = structuredClone(v);
      return;
    }
    cur = next as Record<string, unknown>;
  }
}

const seeds = jsonSeeds();
const structured = fc
  .tuple(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 4 }))
  .map(([k, edits]) => {
    const data = JSON.parse(seeds[k]!);
    for (const e of edits) apply(data, e);
    return JSON.stringify(data).replaceAll(`"${PROTO}"`, '"__proto__"');
  });

describe('fuzz: JSON model loader', () => {
  it('structured edits of the built-in models, loaded, validated and compiled', async () => {
    await fuzz(
      structured,
      (s) => s.length,
      (s) => compile(modelFromText(s, 'fuzz.json').model),
    );
  });
  it('text edits', async () => {
    await fuzz(
      mutatedText(fc.constantFrom(...seeds), JSON_TOKENS),
      (s) => s.length,
      (s) => modelFromText(s, 'fuzz.json'),
    );
  });
});
