/**
 * A sum or count read from the database as a number: SQLite gives numbers, PostgreSQL gives
 * `sum`/`count` as strings, and a sum over no rows (or a missing group) is null, which counts 0.
 */
export const num = (v: unknown): number => Number(v ?? 0);
