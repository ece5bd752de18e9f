import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouseRun from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { serverEnv, stop, waitFor } from './http-server';

// Issue 15: Lighthouse SEO ≥ 95 and Best Practices 100 on the main public pages, desktop, against
// the built server on demo data. A bench, not a test: seeding the demo year takes one to three minutes
// and Lighthouse about 16 s a page on these machines (about four minutes in all; README, `npm run bench`).

const PORT = Number(process.env.BENCH_LIGHTHOUSE_PORT ?? 4395);
const BASE = `http://127.0.0.1:${PORT}`;
export const LIGHTHOUSE_PAGES = [
	'/',
	'/termin',
	'/regionalbuero',
	'/veranstaltungen',
	'/anlaufstellen',
	'/kreative'
];
const GOALS = { seo: 95, 'best-practices': 100 } as const;

interface PageScore {
	path: string;
	scores: Record<string, number>;
	failing: string[];
}

/** Lighthouse (seo + best-practices, desktop preset) on each path; Chromium from CHROME_PATH. */
export async function auditPages(base: string, paths: string[]): Promise<PageScore[]> {
	const chrome = await chromeLauncher.launch({
		chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
		chromeFlags: [
			'--headless=new',
			'--no-sandbox',
			'--disable-gpu',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
	try {
		const out: PageScore[] = [];
		for (const path of paths) {
			const result = await lighthouseRun(
				`${base}${path}`,
				{ port: chrome.port, output: 'json', logLevel: 'error' },
				{
					...desktopConfig,
					settings: { ...desktopConfig.settings, onlyCategories: Object.keys(GOALS) }
				}
			);
			if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
			const { lhr } = result;
			const scores = Object.fromEntries(
				Object.entries(lhr.categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)])
			);
			// Failing = a scored audit of the wanted categories below 1 (weight > 0).
			const failing = Object.values(lhr.categories).flatMap((c) =>
				c.auditRefs
					.filter((ref) => ref.weight > 0)
					.map((ref) => lhr.audits[ref.id]!)
					.filter((a) => a.score !== null && a.score < 1)
					.map((a) => {
						const items = (a.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
						const detail = items
							.slice(0, 3)
							.map((i) => JSON.stringify(i).slice(0, 200))
							.join('; ');
						return `${c.id}/${a.id}: ${a.title}${detail ? ` — ${detail}` : ''}`;
					})
			);
			out.push({ path, scores, failing });
		}
		return out;
	} finally {
		chrome.kill();
	}
}

export async function lighthouse(): Promise<void> {
	if (!existsSync('build/handler.js')) {
		console.error('lighthouse: no build; run `npx vite build` first (this bench builds nothing itself)');
		process.exitCode = 1;
		return;
	}
	const dir = mkdtempSync(join(tmpdir(), 'kl-bench-lighthouse-'));
	const app = spawn(process.execPath, ['server.mjs'], {
		env: serverEnv(PORT, `sqlite:${join(dir, 'bench.db')}`, {
			SEED_DEMO: 'true',
			API_RATE_LIMIT: '100000',
			KL_QUIET: '1'
		}),
		stdio: ['ignore', 'ignore', 'inherit']
	});
	try {
		const started = performance.now();
		await waitFor(`${BASE}/healthz`, Date.now() + 600_000, 200);
		console.log(`server with demo data up in ${((performance.now() - started) / 1000).toFixed(0)} s`);
		const t = performance.now();
		const results = await auditPages(BASE, LIGHTHOUSE_PAGES);
		console.log(
			`Lighthouse ${results.length} pages in ${((performance.now() - t) / 1000).toFixed(0)} s (desktop)`
		);
		let met = true;
		for (const r of results) {
			const ok = Object.entries(GOALS).every(([id, goal]) => (r.scores[id] ?? 0) >= goal);
			met &&= ok;
			console.log(
				`${r.path.padEnd(18)} SEO ${r.scores.seo} · Best Practices ${r.scores['best-practices']}${ok ? '' : '  MISSED'}`
			);
			for (const f of r.failing) console.log(`    ${f}`);
		}
		console.log(
			`goals     SEO ≥ ${GOALS.seo}, Best Practices ${GOALS['best-practices']}: ${met ? 'met' : 'MISSED'}`
		);
	} finally {
		await stop(app);
		rmSync(dir, { recursive: true, force: true });
	}
}
