import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../errors.js';
import { UnsupportedError } from './errors.js';
import { mathToExpr, mathToLambda } from './mathml.js';
import { parseXml } from './xml.js';

const M = 'xmlns="http://www.w3.org/1998/Math/MathML"';
const ctx = { file: 'm.xml', where: "reaction 'R1' kineticLaw" };
const read = (inner: string) => mathToExpr(parseXml(`<math ${M}>${inner}</math>`), ctx);
const num = (v: number) => ({ k: 'num', v });
const id = (s: string) => ({ k: 'id', id: s });

describe('mathToExpr', () => {
  it('reads numbers in every cn form', () => {
    assert.deepEqual(read('<cn> 2.5 </cn>'), num(2.5));
    assert.deepEqual(read('<cn type="integer">-3</cn>'), num(-3));
    assert.deepEqual(read('<cn type="e-notation"> 1.5 <sep/> -3 </cn>'), num(1.5e-3));
    assert.deepEqual(read('<cn type="rational">1<sep/>4</cn>'), num(0.25));
    assert.deepEqual(read('<cn>1e-7</cn>'), num(1e-7));
  });

  it('reads arithmetic with MathML n-ary and unary conventions', () => {
    assert.deepEqual(read('<apply><minus/><ci> x </ci></apply>'), { k: 'op', op: 'neg', args: [id('x')] });
    assert.deepEqual(read('<apply><plus/></apply>'), num(0));
    assert.deepEqual(read('<apply><times/></apply>'), num(1));
    assert.deepEqual(read('<apply><times/><ci>a</ci></apply>'), id('a'));
    assert.deepEqual(read('<apply><times/><ci>a</ci><ci>b</ci><cn>2</cn></apply>'), {
      k: 'op',
      op: 'mul',
      args: [id('a'), id('b'), num(2)],
    });
  });

  it('reads an apply that wraps one expression without an operator as that expression (as libSBML)', () => {
    assert.deepEqual(read('<apply><apply><times/><ci>a</ci><ci>b</ci></apply></apply>'), {
      k: 'op',
      op: 'mul',
      args: [id('a'), id('b')],
    });
    assert.throws(
      () => read('<apply><apply><times/><ci>a</ci></apply><ci>b</ci></apply>'),
      /unknown or misplaced/,
    );
  });

  it('reads qualifiers: root degree, log base', () => {
    assert.deepEqual(read('<apply><root/><ci>x</ci></apply>'), { k: 'op', op: 'sqrt', args: [id('x')] });
    assert.deepEqual(read('<apply><root/><degree><cn>3</cn></degree><ci>x</ci></apply>'), {
      k: 'op',
      op: 'root',
      args: [num(3), id('x')],
    });
    assert.deepEqual(read('<apply><log/><ci>x</ci></apply>'), { k: 'op', op: 'log10', args: [id('x')] });
    assert.deepEqual(read('<apply><log/><logbase><cn>2</cn></logbase><ci>x</ci></apply>'), {
      k: 'op',
      op: 'log',
      args: [num(2), id('x')],
    });
  });

  it('reads csymbols, constants, piecewise and calls', () => {
    const S = 'http://www.sbml.org/sbml/symbols/';
    assert.deepEqual(read(`<csymbol encoding="text" definitionURL="${S}time"> t </csymbol>`), { k: 'time' });
    assert.deepEqual(read(`<csymbol definitionURL="${S}avogadro">N</csymbol>`), {
      k: 'const',
      name: 'avogadro',
    });
    assert.deepEqual(
      read(`<apply><csymbol definitionURL="${S}delay">d</csymbol><ci>x</ci><cn>1</cn></apply>`),
      {
        k: 'op',
        op: 'delay',
        args: [id('x'), num(1)],
      },
    );
    assert.deepEqual(read(`<apply><csymbol definitionURL="${S}rateOf">r</csymbol><ci>x</ci></apply>`), {
      k: 'op',
      op: 'rateOf',
      args: [id('x')],
    });
    assert.deepEqual(
      read(`<apply><csymbol definitionURL="${S}distrib/normal">n</csymbol><cn>0</cn><cn>1</cn></apply>`),
      { k: 'op', op: 'normal', args: [num(0), num(1)] },
    );
    assert.deepEqual(read('<exponentiale/>'), { k: 'const', name: 'e' });
    assert.deepEqual(read('<notanumber/>'), { k: 'const', name: 'nan' });
    assert.deepEqual(
      read(
        '<piecewise><piece><cn>1</cn><apply><lt/><ci>x</ci><cn>0</cn></apply></piece><otherwise><cn>2</cn></otherwise></piecewise>',
      ),
      {
        k: 'piecewise',
        pieces: [{ value: num(1), cond: { k: 'op', op: 'lt', args: [id('x'), num(0)] } }],
        otherwise: num(2),
      },
    );
    assert.deepEqual(read('<apply><ci>f</ci><ci>x</ci></apply>'), { k: 'call', fn: 'f', args: [id('x')] });
    assert.deepEqual(read('<semantics><ci>x</ci><annotation>a</annotation></semantics>'), id('x'));
  });

  it('ignores units attributes on numbers', () => {
    const e = mathToExpr(
      parseXml(
        `<math ${M} xmlns:sbml="http://www.sbml.org/sbml/level3/version2/core"><cn sbml:units="second">4</cn></math>`,
      ),
      ctx,
    );
    assert.deepEqual(e, num(4));
  });

  it('reads lambdas', () => {
    const f = mathToLambda(
      parseXml(
        `<math ${M}><lambda><bvar><ci>a</ci></bvar><bvar><ci>b</ci></bvar><apply><plus/><ci>a</ci><ci>b</ci></apply></lambda></math>`,
      ),
      ctx,
    );
    assert.deepEqual(f, { params: ['a', 'b'], body: { k: 'op', op: 'add', args: [id('a'), id('b')] } });
  });

  it('rejects unknown elements naming the element, line and SBML element', () => {
    assert.throws(
      () => read('\n<apply><frobnicate/><ci>x</ci></apply>'),
      (e: unknown) =>
        e instanceof InputError && /m\.xml: reaction 'R1' kineticLaw: line 2: .*<frobnicate>/.test(e.message),
    );
    assert.throws(() => read('<mtext>x</mtext>'), /<mtext>/);
  });

  it('rejects malformed math', () => {
    assert.throws(() => read('<apply><divide/><cn>1</cn></apply>'), /<divide> takes 2 operand/);
    assert.throws(() => read('<cn>1.2.3</cn>'), /'1.2.3' is not a number/);
    assert.throws(() => read('<cn type="integer">1.5</cn>'), /integer/);
    assert.throws(() => read('<ci>x</ci><ci>y</ci>'), /exactly one expression/);
    assert.throws(() => read('<ci>1x</ci>'), /not a valid identifier/);
  });

  it('reads every distrib v1 distribution, truncated forms and one-argument cauchy / laplace', () => {
    const D = 'http://www.sbml.org/sbml/symbols/distrib/';
    const call = (name: string, ...args: number[]) =>
      read(
        `<apply><csymbol definitionURL="${D}${name}">f</csymbol>${args.map((a) => `<cn>${a}</cn>`).join('')}</apply>`,
      );
    const op = (o: string, ...args: number[]) => ({ k: 'op', op: o, args: args.map(num) });
    assert.deepEqual(call('laplace', 2), op('laplace', 0, 2));
    assert.deepEqual(call('cauchy', 3), op('cauchy', 0, 3));
    assert.deepEqual(call('cauchy', 1, 2, 1.1, 10), op('trunccauchy', 1, 2, 1.1, 10));
    assert.deepEqual(call('chisquare', 2), op('chisquare', 2));
    assert.deepEqual(call('chisquare', 2, 1, 3), op('truncchisquare', 2, 1, 3));
    assert.deepEqual(call('rayleigh', 2, 3, 5), op('truncrayleigh', 2, 3, 5));
    assert.deepEqual(call('exponential', 1, 2, 9), op('truncexponential', 1, 2, 9));
    assert.deepEqual(call('gamma', 1, 2, 3, 6), op('truncgamma', 1, 2, 3, 6));
    assert.deepEqual(call('lognormal', 1, 2, 3, 10), op('trunclognormal', 1, 2, 3, 10));
    assert.deepEqual(call('poisson', 1.5, 2, 18), op('truncpoisson', 1.5, 2, 18));
    assert.deepEqual(call('binomial', 100, 0.2, 15, 32), op('truncbinomial', 100, 0.2, 15, 32));
    assert.deepEqual(call('laplace', 0, 1, -2, 2), op('trunclaplace', 0, 1, -2, 2));
  });

  it('reports unknown csymbols and distributions as unsupported', () => {
    assert.throws(() => read('<csymbol definitionURL="urn:x">x</csymbol>'), UnsupportedError);
    assert.throws(
      () =>
        read(
          '<apply><csymbol definitionURL="http://www.sbml.org/sbml/symbols/distrib/cauchy">c</csymbol><cn>0</cn><cn>1</cn><cn>2</cn></apply>',
        ),
      (e: unknown) => e instanceof UnsupportedError && e.feature === 'distrib',
    );
  });
});
