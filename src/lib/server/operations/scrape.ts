import { timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { collectDefaultMetrics, Gauge } from 'prom-client';
import { registry } from '../platform/metrics';
import type { Services } from '../runtime';

/**
 * Figures read from the database when /metrics is scraped. They describe shared state, so every
 * instance reports the same numbers (aggregate with `max`). Cached for a few seconds so a
 * scraper hammering /metrics costs at most one round of counts per interval.
 */
const outboxMails = new Gauge({
	name: 'kreativlotse_outbox_mails',
	help: 'Mails in the outbox by status (pending, sending, sent, dead)',
	labelNames: ['status'] as const,
	registers: [registry]
});
const outboxOldestPending = new Gauge({
	name: 'kreativlotse_outbox_oldest_pending_age_seconds',
	help: 'Age of the oldest mail still waiting to be sent (0 when none waits)',
	registers: [registry]
});
const deadMails = new Gauge({
	name: 'kreativlotse_outbox_dead_mails',
	help: 'Mails given up after MAIL_MAX_ATTEMPTS (need an administrator: Postausgang)',
	registers: [registry]
});
const bookings = new Gauge({
	name: 'kreativlotse_bookings',
	help: 'Bookings ever created, by status (rate of change = bookings created)',
	labelNames: ['status'] as const,
	registers: [registry]
});
const registrations = new Gauge({
	name: 'kreativlotse_event_registrations',
	help: 'Event registrations ever created, by status',
	labelNames: ['status'] as const,
	registers: [registry]
});
const pool = new Gauge({
	name: 'kreativlotse_db_pool_connections',
	help: 'PostgreSQL pool connections of this instance (total, idle, waiting clients, max)',
	labelNames: ['state'] as const,
	registers: [registry]
});

collectDefaultMetrics({ register: registry, prefix: 'kreativlotse_' });

const CACHE_MS = 5_000;
let refreshedAt = 0;

const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'dead', 'obsolete'];

async function refresh(s: Services, now: number): Promise<void> {
	const { db } = s;
	const byStatus = await db
		.selectFrom('outbox')
		.select(['status', sql<number>`count(*)`.as('n')])
		.groupBy('status')
		.execute();
	for (const status of OUTBOX_STATUSES) {
		outboxMails.set({ status }, Number(byStatus.find((r) => r.status === status)?.n ?? 0));
	}
	for (const r of byStatus)
		if (!OUTBOX_STATUSES.includes(r.status)) outboxMails.set({ status: r.status }, Number(r.n));
	deadMails.set(Number(byStatus.find((r) => r.status === 'dead')?.n ?? 0));
	const oldest = await db
		.selectFrom('outbox')
		.select(sql<number | null>`min(created_at)`.as('t'))
		.where('status', 'in', ['pending', 'sending'])
		.executeTakeFirst();
	outboxOldestPending.set(oldest?.t == null ? 0 : Math.max(0, (now - Number(oldest.t)) / 1000));
	bookings.reset();
	for (const r of await db
		.selectFrom('booking')
		.select(['status', sql<number>`count(*)`.as('n')])
		.groupBy('status')
		.execute())
		bookings.set({ status: r.status }, Number(r.n));
	registrations.reset();
	for (const r of await db
		.selectFrom('event_registration')
		.select(['status', sql<number>`count(*)`.as('n')])
		.groupBy('status')
		.execute())
		registrations.set({ status: r.status }, Number(r.n));
}

/** The Prometheus text of this instance, database figures refreshed at most every 5 s. */
export async function scrape(s: Services): Promise<string> {
	const now = s.clock.now().getTime();
	if (now - refreshedAt >= CACHE_MS || now < refreshedAt) {
		await refresh(s, now);
		refreshedAt = now;
	}
	const stats = s.poolStats?.();
	if (stats) for (const [state, n] of Object.entries(stats)) pool.set({ state }, n);
	return registry.metrics();
}

/** Forget the cached figures (tests scrape twice in a row and expect the second to move). */
export function invalidateScrapeCache(): void {
	refreshedAt = 0;
}

export const METRICS_CONTENT_TYPE = registry.contentType;

/**
 * Who may read /metrics: with METRICS_TOKEN set, a request with `Authorization: Bearer <token>`;
 * without it, only a client on the loopback interface (a Prometheus beside the app, or a scrape
 * through an internal bind). Behind a proxy the client address is the forwarded one, so a public
 * request through the proxy never counts as loopback.
 */
export function mayScrape(
	token: string | null,
	authorization: string | null,
	clientAddress: string
): boolean {
	if (token) {
		const given = Buffer.from(/^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '');
		const expected = Buffer.from(token);
		return given.length === expected.length && timingSafeEqual(given, expected);
	}
	return clientAddress === '127.0.0.1' || clientAddress === '::1' || clientAddress === '::ffff:127.0.0.1';
}
