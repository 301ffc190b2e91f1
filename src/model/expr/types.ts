/**
 * The expression tree: the one form in which every rate law, rule, trigger and assignment exists.
 * Parsed from infix text (`parse.ts`) or MathML (`io/sbml`), built by the model builder, checked,
 * differentiated and compiled to plain JS functions. Plain JSON data: it round-trips exactly.
 */

/** Built-in operators and functions. Arity is checked by `check.ts`. */
export type BuiltinOp =
  // arithmetic
  | 'add' // n-ary
  | 'sub' // binary
  | 'mul' // n-ary
  | 'div'
  | 'pow'
  | 'neg'
  // relational (n-ary chains allowed as in MathML: a < b < c)
  | 'eq'
  | 'neq'
  | 'lt'
  | 'le'
  | 'gt'
  | 'ge'
  // logic
  | 'and'
  | 'or'
  | 'xor'
  | 'not'
  | 'implies'
  // elementary functions
  | 'exp'
  | 'ln'
  | 'log10'
  | 'log' // log(base, x)
  | 'sqrt'
  | 'root' // root(degree, x)
  | 'abs'
  | 'floor'
  | 'ceil'
  | 'min'
  | 'max'
  | 'factorial'
  | 'quotient'
  | 'rem'
  | 'sin'
  | 'cos'
  | 'tan'
  | 'sec'
  | 'csc'
  | 'cot'
  | 'sinh'
  | 'cosh'
  | 'tanh'
  | 'sech'
  | 'csch'
  | 'coth'
  | 'arcsin'
  | 'arccos'
  | 'arctan'
  | 'arcsec'
  | 'arccsc'
  | 'arccot'
  | 'arcsinh'
  | 'arccosh'
  | 'arctanh'
  | 'arcsech'
  | 'arccsch'
  | 'arccoth'
  // SBML specials
  | 'delay' // delay(x, tau): value of x at time - tau
  | 'rateOf' // rateOf(id): current time derivative of a symbol
  // random draws (SBML distrib); need an engine-provided uniform source
  | 'normal' // normal(mean, sd)
  | 'uniform' // uniform(lo, hi)
  | 'exponential' // exponential(rate)
  | 'gamma' // gamma(shape, scale)
  | 'lognormal' // lognormal(meanlog, sdlog)
  | 'poisson' // poisson(mean)
  | 'binomial' // binomial(n, p)
  | 'bernoulli' // bernoulli(p)
  | 'truncnormal' // truncnormal(mean, sd, lo, hi)
  | 'cauchy' // cauchy(location, scale)
  | 'chisquare' // chisquare(dof)
  | 'laplace' // laplace(location, scale)
  | 'rayleigh' // rayleigh(scale)
  // truncated draws: the distribution conditioned on lo <= x <= hi (the last two arguments; may be infinite)
  | 'truncbinomial' // truncbinomial(n, p, lo, hi)
  | 'trunccauchy' // trunccauchy(location, scale, lo, hi)
  | 'truncchisquare' // truncchisquare(dof, lo, hi)
  | 'truncexponential' // truncexponential(rate, lo, hi)
  | 'truncgamma' // truncgamma(shape, scale, lo, hi)
  | 'trunclaplace' // trunclaplace(location, scale, lo, hi)
  | 'trunclognormal' // trunclognormal(meanlog, sdlog, lo, hi)
  | 'truncpoisson' // truncpoisson(mean, lo, hi)
  | 'truncrayleigh'; // truncrayleigh(scale, lo, hi)

/** Named mathematical constants. */
export type ConstName = 'pi' | 'e' | 'true' | 'false' | 'infinity' | 'nan' | 'avogadro';

export type Expr =
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'const'; readonly name: ConstName }
  /** A reference to a model symbol (species, compartment, parameter, reaction, stoichiometry id, local). */
  | { readonly k: 'id'; readonly id: string }
  | { readonly k: 'time' }
  | { readonly k: 'op'; readonly op: BuiltinOp; readonly args: readonly Expr[] }
  /** First piece whose condition holds; otherwise `otherwise` (NaN-free: missing otherwise is an error at run time). */
  | {
      readonly k: 'piecewise';
      readonly pieces: readonly { readonly value: Expr; readonly cond: Expr }[];
      readonly otherwise?: Expr;
    }
  /** Call of a model function definition; inlined at compile time. */
  | { readonly k: 'call'; readonly fn: string; readonly args: readonly Expr[] };

/** A user function definition: `fn(params) = body`. Bodies may call earlier definitions, never recursively. */
export interface FunctionDef {
  readonly id: string;
  readonly params: readonly string[];
  readonly body: Expr;
  readonly name?: string;
}
