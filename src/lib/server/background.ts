import { hostname } from 'node:os';
import { refreshPlannerStatistics } from './db/client';
import { releaseExpiredHolds, sendDueReminders } from './booking/index';
import { sendDueCheckIns } from './checkins/index';
import { runEventJobs } from './events/index';
import { purgeExpiredAuthState } from './identity/index';
import { deliverDue, releaseClaims, databaseMailHeaderContext, smtpTransport } from './notifications/index';
import { log } from './platform/logger';
import { sendStepReminders } from './messages/index';
import { mailDeliveries, recordJobRun } from './platform/metrics';
import { retentionJob } from './privacy/index';
import { sendDueReferralFollowups } from './referrals/index';
import type { Services } from './runtime';
import { runOpenForProjectsJobs } from './visibility/index';

/** Stops the timers, waits for a running round, hands claimed mails back (graceful shutdown). */
export interface BackgroundWork {
	stop(): Promise<void>;
}

/**
 * Periodic work inside each app instance. Safe with several instances: every job claims its
 * rows atomically in the database, so nothing runs twice and nothing needs a leader.
 */
export function startBackgroundWork(s: Services): BackgroundWork {
	const worker = `${hostname()}:${process.pid}`;
	const timers: ReturnType<typeof setInterval>[] = [];
	const running = new Set<Promise<unknown>>();
	const track = <T>(p: Promise<T>): Promise<T> => {
		running.add(p);
		return p.finally(() => running.delete(p));
	};
	if (s.config.smtpUrl && s.config.mailWorker) {
		const transport = smtpTransport(s.config.smtpUrl, databaseMailHeaderContext(s.db, s.config));
		let busy = false;
		const tick = async () => {
			if (busy) return;
			busy = true;
			try {
				const r = await deliverDue(s.db, transport, {
					worker,
					from: s.config.mailFrom,
					maxAttempts: s.config.mailMaxAttempts,
					now: () => s.clock.now()
				});
				if (r.sent + r.failed + r.dead + r.obsolete > 0) log.info('mail delivery', { ...r });
				for (const [outcome, n] of Object.entries(r)) if (n > 0) mailDeliveries.inc({ outcome }, n);
			} catch (err) {
				log.error('mail worker failed', { error: String(err) });
			} finally {
				busy = false;
			}
		};
		timers.push(setInterval(() => track(tick()), 5_000).unref());
	}
	let due = Date.now() + 60_000;
	timers.push(
		setInterval(() => {
			const lag = (Date.now() - due) / 1000;
			due = Date.now() + 60_000;
			track(
				runMinuteJobs(s).then(
					(done) => recordJobRun('minute', 'ok', sum(done), lag),
					(err) => {
						recordJobRun('minute', 'error', 0, lag);
						log.error('periodic jobs failed', { error: String(err) });
					}
				)
			);
		}, 60_000).unref()
	);
	timers.push(
		setInterval(() => {
			track(
				purgeExpiredAuthState(s.db, s.clock.now())
					.then(() => refreshPlannerStatistics(s.db, s.dialect))
					.then(
						() => recordJobRun('housekeeping', 'ok', 0, 0),
						(err) => {
							recordJobRun('housekeeping', 'error', 0, 0);
							log.error('housekeeping failed', { error: String(err) });
						}
					)
			);
		}, 10 * 60_000).unref()
	);
	return {
		async stop() {
			for (const t of timers) clearInterval(t);
			await Promise.allSettled([...running]);
			const released = await releaseClaims(s.db, worker);
			if (released > 0) log.info('mail claims released', { released });
		}
	};
}

const sum = (done: Record<string, number>) => Object.values(done).reduce((a, b) => a + b, 0);

/**
 * The jobs that run every minute, in every instance (each claims its rows atomically). Also
 * called by the end-to-end suite after it moved the clock (routes/e2e/jobs).
 */
export async function runMinuteJobs(s: Services): Promise<Record<string, number>> {
	const done: Record<string, number> = {};
	// Booking: free unconfirmed holds after 30 minutes; remind once before each appointment.
	await releaseExpiredHolds(s.db, s.clock.now());
	done.bookingReminders = await sendDueReminders(s, s.clock.now());
	// Referrals: "did it help?" once, when a referral's follow-up is due (issue 4, item 10).
	done.referralFollowups = await sendDueReferralFollowups(s);
	// Accompaniment: a check-in mail for every open case whose next contact is due (once per due date).
	done.checkIns = await sendDueCheckIns(s);
	// Events: lapsed holds and offers free their place (the waiting list moves up), "Kommen Sie
	// noch?" 3 days and the reminder 1 day before, finished events, thanks and feedback after.
	Object.assign(done, await runEventJobs(s, s.clock.now()));
	// Profiles: "open for projects" reminder 3 days before it lapses, then cleared after 30 days.
	Object.assign(done, await runOpenForProjectsJobs(s));
	// Messages (issue 18): reminders of the creative's own steps, days before and on the day (once each).
	done.stepReminders = await sendStepReminders(s);
	// Privacy: the retention run (privacy/retention-rules.ts), once an hour across all instances (lease).
	done.retention = await retentionJob(s);
	for (const [name, count] of Object.entries(done)) {
		if (count > 0) log.info('periodic job', { name, count });
		recordJobRun(name, 'ok', count, 0);
	}
	return done;
}
