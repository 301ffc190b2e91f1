/**
 * Splits a long generated body into helper functions of bounded size. V8 never optimises a function whose
 * bytecode exceeds `--max-optimized-bytecode-size` (60 kB): such a function stays in the baseline tier and
 * runs about 15x slower (SalazarCavazos_MBoC2020's 50 kB right-hand side: 114 us per call as one function,
 * 7 us when V8 may optimise it). Straight-line statements at the top level of the body are moved, in order,
 * into `function cK(params) { ... }` declared beside the returned function, which calls them in turn; the
 * work array `w` and the `outer` declarations stay shared through the closure.
 */

/** Source characters per helper: well below the bytecode limit (about one byte of bytecode per character). */
const CHUNK_CHARS = 8000;

/**
 * The factory source `'use strict'; outer; [helpers]; return function (params) { ... };` for `body`.
 * Bodies that are short, or not a plain sequence of one-line statements (declarations, strings, blocks
 * spanning lines, an early return), are kept whole.
 */
export function chunkedSource(params: string, body: string, outer: string): string {
  const whole = `'use strict';\n${outer}\nreturn function (${params}) {\n${body}\n};`;
  if (body.length <= CHUNK_CHARS) return whole;
  const lines = body.split('\n');
  const last = lines.at(-1)!;
  const tail = last.startsWith('return ') ? [lines.pop()!] : [];
  if (!lines.every(splittable)) return whole;
  const helpers: string[] = [];
  const calls: string[] = [];
  let chunk: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (chunk.length === 0) return;
    const name = `c${helpers.length}`;
    helpers.push(`function ${name}(${params}) {\n${chunk.join('\n')}\n}`);
    calls.push(`${name}(${params});`);
    chunk = [];
    size = 0;
  };
  for (const line of lines) {
    if (size + line.length > CHUNK_CHARS) flush();
    chunk.push(line);
    size += line.length + 1;
  }
  flush();
  return `'use strict';\n${outer}\n${helpers.join('\n')}\nreturn function (${params}) {\n${[...calls, ...tail].join('\n')}\n};`;
}

/** A complete statement on one line that declares nothing and does not return. */
function splittable(line: string): boolean {
  if (/^\s*(const|let|var|function|return)\b/.test(line) || /['"`]/.test(line)) return false;
  // Brackets { ( [ open and } ) ] close; a statement is complete when they balance.
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 123 || c === 40 || c === 91) depth++;
    else if (c === 125 || c === 41 || c === 93) depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}
