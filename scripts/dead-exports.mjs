#!/usr/bin/env node
// Exported functions, constants and classes of src/ that nothing else names (src, web, test, bench,
// scripts): dead code. Prints one `file: name` a line and exits 1 when there is any.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const files = execSync(
  "git ls-files -co --exclude-standard 'src/*.ts' 'web/*.ts' 'test/*.ts' 'bench/*.ts' 'scripts/*'",
  {
    encoding: 'utf8',
  },
)
  .trim()
  .split('\n');
const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
const dead = [];
for (const [f, t] of texts) {
  if (!f.startsWith('src/') || f.endsWith('.test.ts')) continue;
  for (const m of t.matchAll(/^export (?:async )?(?:function\*?|const|let|class) ([A-Za-z_$][\w$]*)/gm)) {
    const re = new RegExp(`\\b${m[1].replaceAll('$', '\\$')}\\b`, 'g');
    let n = 0;
    for (const [g, u] of texts) n += (u.match(re) ?? []).length - (g === f ? 1 : 0);
    if (n === 0) dead.push(`${f}: ${m[1]}`);
  }
}
for (const d of dead) console.log(d);
process.exit(dead.length > 0 ? 1 : 0);
