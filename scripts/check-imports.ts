#!/usr/bin/env node
/**
 * Import-direction check (run by `npm test`): every relative import in src/ and web/src/ must go to the same
 * folder or to a lower layer of docs/architecture.md, and no module may import itself through a cycle.
 * Static imports, re-exports, dynamic import() and `new URL('<module>', import.meta.url)` (worker entry
 * points) all count, type-only imports included: a type is a dependency too. There is no exception list.
 * Tests (*.test.ts) are not part of the layered program and are skipped.
 *
 *   node --import tsx scripts/check-imports.ts [root]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * The layers, lowest first. A layer is a folder of src/ (or one file directly in src/); a module may import
 * modules of its own layer or of any layer listed before it. web/src sits above all of src/.
 */
export const LAYERS: readonly string[] = [
  'src/errors.ts',
  'src/random',
  'src/problem',
  'src/model',
  'src/engines',
  'src/parallel',
  'src/analysis',
  'src/report',
  'src/models',
  'src/experiments',
  'src/io',
  'src/petab',
  'src/trial',
  'src/paper',
  'src/fit',
  'src/cli',
  'src/index.ts',
  'web/src/app',
  'web/src/engine',
  'web/src/ui',
  'web/src/main.ts',
];

export interface Violation {
  readonly file: string;
  readonly message: string;
}

/** The layer of a path relative to the root (posix separators), or null when no layer holds it. */
export function layerOf(path: string, layers: readonly string[] = LAYERS): string | null {
  let best: string | null = null;
  for (const l of layers)
    if ((path === l || path.startsWith(`${l}/`)) && (best === null || l.length > best.length)) best = l;
  return best;
}

const ASSET = /\.(css|svg|png|html|txt|wasm|json)$/;
const URL_IMPORT = /new\s+URL\(\s*(['"`])([^'"`]+)\1\s*,\s*import\.meta\.url\s*\)/g;

/** Relative module specifiers of a source text: imports, re-exports, import() and worker URLs. */
export function specifiers(text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  const out = info.importedFiles.map((f) => f.fileName);
  for (const m of text.matchAll(URL_IMPORT)) out.push(m[2]!);
  // Relative modules only; assets (a stylesheet the bundler inlines, package.json read for the version)
  // are data, not layered code.
  return out.filter((s) => (s.startsWith('./') || s.startsWith('../')) && !ASSET.test(s));
}

/** The .ts file a relative specifier names ('./a.js' -> a.ts, './dir' -> dir/index.ts), or null. */
function resolveModule(fromFile: string, spec: string): string | null {
  const base = resolve(dirname(fromFile), spec);
  const candidates = [base.replace(/\.(m?js)$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')];
  for (const c of candidates) if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

function walk(dir: string, out: string[]): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Checks every module under root/src and root/web/src; returns the violations (empty: the order holds). */
export function checkImports(root: string, layers: readonly string[] = LAYERS): Violation[] {
  const rel = (p: string): string => relative(root, p).split(sep).join('/');
  const files = walk(join(root, 'src'), walk(join(root, 'web', 'src'), [])).sort();
  const rank = new Map(layers.map((l, i) => [l, i]));
  const out: Violation[] = [];
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const from = rel(file);
    const fromLayer = layerOf(from, layers);
    const edges: string[] = [];
    graph.set(from, edges);
    if (fromLayer === null) {
      out.push({
        file: from,
        message: `${from}: not in any layer (add its folder to the order in docs/architecture.md and scripts/check-imports.ts)`,
      });
      continue;
    }
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      const target = resolveModule(file, spec);
      if (target === null) {
        out.push({ file: from, message: `${from} imports '${spec}': no such module` });
        continue;
      }
      const to = rel(target);
      edges.push(to);
      const toLayer = layerOf(to, layers);
      if (toLayer === null) {
        out.push({
          file: from,
          message: `${from} imports '${spec}' (${to}), which is outside every layer of src/ and web/src/`,
        });
        continue;
      }
      if (rank.get(toLayer)! > rank.get(fromLayer)!) {
        out.push({
          file: from,
          message: `${from} imports '${spec}' (${to}): ${fromLayer} may import only itself and the layers below it, and ${toLayer} is above it (layer order in docs/architecture.md)`,
        });
      }
    }
  }
  for (const cycle of cycles(graph)) {
    out.push({ file: cycle[0]!, message: `import cycle: ${[...cycle, cycle[0]].join(' -> ')}` });
  }
  return out;
}

/** One cycle per strongly connected component of more than one module, or a module importing itself (Tarjan). */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(pathWithin(graph, new Set(scc), v));
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** A shortest cycle through `start` inside one component (breadth-first), for a readable message. */
function pathWithin(
  graph: ReadonlyMap<string, readonly string[]>,
  scc: ReadonlySet<string>,
  start: string,
): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    for (const w of graph.get(v) ?? []) {
      if (!scc.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(prev.get(path[0]!)!);
        return path;
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const violations = checkImports(root);
  for (const v of violations) console.error(`check-imports: ${v.message}`);
  if (violations.length > 0) {
    console.error(`check-imports: ${violations.length} violation(s) of the layer order`);
    process.exit(1);
  }
  console.log('check-imports: every import follows the layer order; no cycles');
}
