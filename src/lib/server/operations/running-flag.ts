import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * "The app is running on this SQLite file": `<db>.running` holds the server's host and pid while
 * it runs (written at start, removed at a graceful stop). `restore` refuses while a live process
 * holds it; a flag left by a killed process (kill -9, power loss) is recognised as stale because
 * its pid is gone.
 */
const flagPath = (dbPath: string) => `${dbPath}.running`;

export function markRunning(dbPath: string): void {
	writeFileSync(flagPath(dbPath), JSON.stringify({ host: hostname(), pid: process.pid }), { mode: 0o600 });
}

export function clearRunning(dbPath: string): void {
	const flag = runningProcess(dbPath);
	if (flag && flag.pid === process.pid) rmSync(flagPath(dbPath), { force: true });
}

/** The live process holding the flag, or null (no flag, or a stale one from a dead process). */
export function runningProcess(dbPath: string): { host: string; pid: number } | null {
	if (!existsSync(flagPath(dbPath))) return null;
	let flag: { host?: string; pid?: number };
	try {
		flag = JSON.parse(readFileSync(flagPath(dbPath), 'utf8'));
	} catch {
		return null;
	}
	if (typeof flag.pid !== 'number' || typeof flag.host !== 'string') return null;
	// Another host sharing the file (network storage): we cannot see its processes, so assume alive.
	if (flag.host !== hostname()) return { host: flag.host, pid: flag.pid };
	try {
		process.kill(flag.pid, 0);
		return { host: flag.host, pid: flag.pid };
	} catch (err) {
		return (err as { code?: string }).code === 'EPERM' ? { host: flag.host, pid: flag.pid } : null;
	}
}
