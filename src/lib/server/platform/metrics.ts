import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Per-instance instruments (prom-client). With several instances Prometheus scrapes each one and
 * sums these (`sum(rate(kreativlotse_http_requests_total[5m]))`): every instance counts only what
 * it did itself, so nothing is counted twice. Stock figures that live in the database (outbox
 * depth, bookings, registrations) are not counted here but read at scrape time
 * (operations/scrape.ts), so every instance reports the same value — take `max`, not `sum`.
 */
export const registry = new Registry();

export const httpRequests = new Counter({
	name: 'kreativlotse_http_requests_total',
	help: 'HTTP requests by route (SvelteKit route id, not the path), method and status',
	labelNames: ['route', 'method', 'status'] as const,
	registers: [registry]
});

export const httpDuration = new Histogram({
	name: 'kreativlotse_http_request_duration_seconds',
	help: 'HTTP request latency by route and method',
	labelNames: ['route', 'method'] as const,
	buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
	registers: [registry]
});

export const jobRuns = new Counter({
	name: 'kreativlotse_job_runs_total',
	help: 'Runs of a periodic job in this instance, by outcome',
	labelNames: ['job', 'outcome'] as const,
	registers: [registry]
});

export const jobItems = new Counter({
	name: 'kreativlotse_job_items_total',
	help: 'Rows a periodic job handled in this instance (mails queued, holds released …)',
	labelNames: ['job'] as const,
	registers: [registry]
});

export const jobLastRun = new Gauge({
	name: 'kreativlotse_job_last_run_timestamp_seconds',
	help: 'When this instance last finished a periodic job (lag = time() - this)',
	labelNames: ['job'] as const,
	registers: [registry]
});

export const jobLag = new Gauge({
	name: 'kreativlotse_job_lag_seconds',
	help: 'How late the last run of a periodic job started against its schedule in this instance',
	labelNames: ['job'] as const,
	registers: [registry]
});

export const loginFailures = new Counter({
	name: 'kreativlotse_login_failures_total',
	help: 'Failed staff sign-ins in this instance; outcome "throttled" when the attempt was refused by a throttle',
	labelNames: ['outcome'] as const,
	registers: [registry]
});

export const mailDeliveries = new Counter({
	name: 'kreativlotse_mail_deliveries_total',
	help: 'Mail delivery attempts of this instance by outcome (sent, failed, dead, obsolete)',
	labelNames: ['outcome'] as const,
	registers: [registry]
});

/** Records one finished run of a periodic job. */
export function recordJobRun(job: string, outcome: 'ok' | 'error', items: number, lagSeconds: number): void {
	jobRuns.inc({ job, outcome });
	if (items > 0) jobItems.inc({ job }, items);
	jobLastRun.set({ job }, Date.now() / 1000);
	jobLag.set({ job }, Math.max(0, lagSeconds));
}
