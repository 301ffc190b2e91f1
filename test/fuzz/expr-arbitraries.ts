/** Infix expression text from the parser's grammar (parse.ts), with off-grammar tokens mixed in. */
import fc from 'fast-check';

const NAMES = [
  'S',
  'P',
  'k',
  'x',
  'q',
  'c',
  'time',
  'pi',
  'inf',
  'nan',
  'true',
  '`pi`',
  '`constructor`',
  'f',
  'π',
  'return',
  '__proto__',
];
const NUMS = ['0', '1', '2.5', '1e400', '1e-400', '.5', '1.', '3e', '0x1', '007'];
const FUNCS = [
  'sin',
  'exp',
  'ln',
  'log',
  'log10',
  'sqrt',
  'pow',
  'abs',
  'min',
  'max',
  'piecewise',
  'ifelse',
  'f',
  'delay',
  'rateOf',
  'normal',
  'uniform',
  'factorial',
  'root',
  'nope',
];
const BIN = ['+', '-', '*', '/', '^', '**', '<', '<=', '==', '!=', '>', '>=', '&&', '||', 'and', 'or', 'xor'];

export const infixText: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...NUMS),
    fc.constantFrom(...NAMES),
    fc.tuple(tie('e'), fc.constantFrom(...BIN), tie('e')).map(([a, o, b]) => `${a} ${o} ${b}`),
    fc.tuple(fc.constantFrom('-', '+', '!', 'not '), tie('e')).map(([u, a]) => `${u}${a}`),
    tie('e').map((a) => `(${a})`),
    fc
      .tuple(fc.constantFrom(...FUNCS), fc.array(tie('e'), { maxLength: 4 }))
      .map(([f, a]) => `${f}(${a.join(', ')})`),
  ),
})).e;
