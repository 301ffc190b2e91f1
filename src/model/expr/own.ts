/**
 * Table lookup by a key from input. `TABLE[key]` on a plain object answers `__proto__`, `constructor` or
 * `toString` with Object.prototype's members; this answers only the table's own entries.
 */
export function own<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
