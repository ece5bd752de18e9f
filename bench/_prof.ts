import { sql } from 'kysely';
import { mintScope } from '/work/main/src/lib/server/access/scope';
import { createDb } from '/work/main/src/lib/server/db/client';
import { migrateToLatest } from '/work/main/src/lib/server/db/migrate';
import { seedReferenceData } from '/work/main/src/lib/server/reference/seed';
import { yearPeriod } from '/work/main/src/lib/server/statistics/period-rules';
import { statisticsFigures } from '/work/main/src/lib/server/statistics/queries';
import { generate } from '/work/main/bench/stats';
import { existsSync } from 'node:fs';
const path = process.argv[2]!;
const fresh = !existsSync(path);
const d = createDb({ kind: 'sqlite', path });
await migrateToLatest(d.db);
if (fresh) { await seedReferenceData(d.db, new Date('2026-01-01T00:00:00Z')); await generate(d.db); }
const scope = mintScope(true, []);
for (let i = 0; i < 4; i++) {
	const parts: string[] = [];
	const t = performance.now();
	await statisticsFigures(d.db, scope, { period: yearPeriod(2025), officeId: null, land: null }, Date.UTC(2026, 2, 1), (p, ms) => parts.push(`${p} ${ms.toFixed(0)}`));
	console.log(`${(performance.now() - t).toFixed(0)} ms: ${parts.join(', ')}`);
}
await d.close();
