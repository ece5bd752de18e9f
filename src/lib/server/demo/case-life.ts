import { releaseExpiredHolds, sendDueReminders } from '../booking/index';
import { closeCase, setCaseStatus } from '../cases/index';
import {
	answerCheckIn,
	inspectCheckIn,
	queueFeedbackMail,
	submitFeedback,
	sendDueCheckIns
} from '../checkins/index';
import type { CloseReason } from '../db/schema';
import { updateReferralStatusByToken, sendDueReferralFollowups } from '../referrals/index';
import { runEventJobs } from '../events/index';
import { runOpenForProjectsJobs } from '../visibility/index';
import type { DemoOffice, DemoStaff } from './acting-staff';
import { linkToken } from './mail-links';
import { count, laterDay, schedule, type Simulation } from './simulation';
import { CHECKIN_CHANGES, CHECKIN_QUESTIONS, CLOSE_OUTCOMES } from './texts';

/**
 * What happens to a case after its last talk: most are closed after a while (with every reason),
 * some are paused, and some are simply left open, so the caseload shows stalled cases too.
 * Check-ins and referral follow-ups go out by the product's own jobs and about half are answered.
 */
export async function decideCaseFuture(
	sim: Simulation,
	office: DemoOffice,
	consultant: DemoStaff,
	caseId: number,
	day: string,
	noNeed: boolean
): Promise<void> {
	const { random } = sim;
	const future = noNeed
		? 'close'
		: random.weighted([
				['close', 55],
				['pause', 8],
				['leave', 37]
			] as const);
	if (future === 'leave') return;
	const when = laterDay(sim, day, noNeed ? 1 : 30, noNeed ? 5 : 150);
	if (future === 'pause') {
		schedule(sim, when, async () => {
			const r = await setCaseStatus(sim.services, consultant, consultant.scope, { caseId, status: 'paused' });
			if (r.ok) count(sim, 'cases paused');
		});
		return;
	}
	const reason: CloseReason = noNeed
		? 'no_further_need'
		: random.weighted<CloseReason>([
				['business_founded', 24],
				['funding_obtained', 14],
				['referred_on', 16],
				['no_further_need', 22],
				['no_response', 18],
				['other', 6]
			]);
	schedule(sim, when, async () => {
		const actor = random.chance(0.8) ? consultant : office.lead;
		const r = await closeCase(
			sim.services,
			actor,
			actor.scope,
			{ caseId, reason, outcome: CLOSE_OUTCOMES[reason] ?? null },
			{},
			async (trx, id, now, wanted) => {
				if (wanted) await queueFeedbackMail(trx, sim.services, id, now);
			}
		);
		if (!r.ok) return;
		count(sim, `cases closed (${reason})`);
		const email = await creativeEmailOfCase(sim, caseId);
		if (email && random.chance(0.35))
			schedule(sim, laterDay(sim, when, 1, 6), async () => {
				const token = await linkToken(sim.db, email, '/rueckmeldung/abschluss/');
				if (!token) return;
				const f = await submitFeedback(sim.services, token, {
					rating: random.weighted([
						[5, 45],
						[4, 35],
						[3, 14],
						[2, 6]
					] as const),
					comment: random.pick(['', 'Sehr hilfreich, danke!', 'Die Verweise waren genau richtig.', ''])
				});
				if (f.ok) count(sim, 'closure feedback');
			});
	});
}

async function creativeEmailOfCase(sim: Simulation, caseId: number): Promise<string | null> {
	const row = await sim.db
		.selectFrom('case_file as c')
		.innerJoin('creative as cr', 'cr.id', 'c.creative_id')
		.select('cr.email')
		.where('c.id', '=', caseId)
		.executeTakeFirst();
	return row?.email ?? null;
}

/** The morning jobs of a day (check-ins, referral follow-ups) and the answers people give. */
export async function morningJobs(sim: Simulation, day: string): Promise<void> {
	const { random, db } = sim;
	const before = await lastOutboxId(sim);
	const { checkIns, followups } = await runDailyJobs(sim);
	count(sim, 'check-ins sent', checkIns);
	count(sim, 'referral follow-ups sent', followups);
	if (checkIns + followups === 0) return;
	const mails = await db
		.selectFrom('outbox')
		.select(['id', 'template', 'to_address', 'text_body'])
		.where('id', '>', before)
		.where('template', 'in', ['checkins.check_in', 'referral.followup'])
		.orderBy('id')
		.execute();
	for (const m of mails) {
		if (m.template === 'checkins.check_in') {
			if (!random.chance(0.55)) continue;
			const token = /\/rueckmeldung\/([A-Za-z0-9_-]{20,100})/.exec(m.text_body)?.[1];
			if (token) schedule(sim, laterDay(sim, day, 1, 5), () => answerOneCheckIn(sim, token));
		} else {
			if (!random.chance(0.7)) continue;
			const token = /\/verweis\/([A-Za-z0-9_-]{20,100})/.exec(m.text_body)?.[1];
			const status = random.weighted([
				['got_help', 52],
				['no_help', 14],
				['not_eligible', 10],
				['no_capacity', 9],
				['no_longer_needed', 8],
				['contacted', 7]
			] as const);
			if (token)
				schedule(sim, laterDay(sim, day, 1, 6), async () => {
					const r = await updateReferralStatusByToken(sim.services, token, status);
					if (r.ok) count(sim, 'referral answers');
				});
		}
	}
}

async function answerOneCheckIn(sim: Simulation, token: string): Promise<void> {
	const { random } = sim;
	const view = await inspectCheckIn(sim.db, token, sim.clock.now());
	if (!view.ok || view.state !== 'open') return;
	const done = view.view.steps.filter(() => random.chance(0.6)).map((s) => s.id);
	const r = await answerCheckIn(sim.services, token, {
		stepsDone: done,
		changed: random.pick(CHECKIN_CHANGES),
		questions: random.pick(CHECKIN_QUESTIONS),
		wantsFollowUp: random.chance(0.15)
	});
	if (r.ok) count(sim, 'check-ins answered');
}

/**
 * The periodic jobs of the product (the same ones background.ts runs every minute), once per
 * simulated day: holds, reminders, referral follow-ups, check-ins, event mails, profile reminders.
 */
export async function runDailyJobs(sim: Simulation): Promise<{ checkIns: number; followups: number }> {
	const now = sim.clock.now();
	await releaseExpiredHolds(sim.db, now);
	count(sim, 'appointment reminders', await sendDueReminders(sim.services, now));
	const followups = await sendDueReferralFollowups(sim.services);
	const checkIns = await sendDueCheckIns(sim.services);
	await runEventJobs(sim.services, now);
	await runOpenForProjectsJobs(sim.services);
	return { checkIns, followups };
}

async function lastOutboxId(sim: Simulation): Promise<number> {
	const row = await sim.db
		.selectFrom('outbox')
		.select((eb) => eb.fn.max('id').as('id'))
		.executeTakeFirst();
	return Number(row?.id ?? 0);
}
