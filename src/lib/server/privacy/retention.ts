import { sql } from 'kysely';
import { recordAudit, systemActor } from '../audit/index';
import type { Db, Tx } from '../db/transaction';
import { transact } from '../db/transaction';
import { anonymiseRegistrations, WAITLIST_CONFIRM_MS } from '../events/index';
import type { Services } from '../runtime';
import { eraseDecisionMakerRows, eraseVisibility } from '../visibility/index';
import {
	anonymiseBookings,
	chunks,
	endCreativeAccount,
	eraseCases,
	redactActorLabels,
	redactMailsAbout,
	REDACTED
} from './anonymise';
import {
	RETENTION_BATCH,
	RETENTION_TABLE,
	type RetentionKey,
	type RetentionPeriods,
	retentionCutoff,
	retentionPeriods
} from './retention-rules';

/**
 * The retention run: for each category of the retention table (retention-rules.ts), find the
 * rows whose period ran out and delete or anonymise them — never just flag them. Each category
 * is one transaction with one audit row carrying the count; a dry run only counts. Every rule is
 * idempotent (it selects what still holds personal data), so two instances running it at once
 * would do no harm; the lease in `retentionJob` keeps it to one run per hour anyway.
 * Statistics facts (stat_consultation*) are never touched.
 */
interface Rule {
	/** Ids of the rows due at this cutoff (what a dry run counts), at most `limit` of them. */
	due(db: Db | Tx, cutoff: number, now: number, limit?: number): Promise<number[]>;
	/** Set-based rules (tokens) run in one statement per table and are not batched. */
	whole?: true;
	/** Deletes or anonymises exactly those rows (the tokens rule finds its rows again by the cutoff). */
	apply(trx: Tx, ids: number[], now: number, cutoff: number): Promise<void>;
}

const ids = (rows: readonly { id: number | string }[]) => rows.map((r) => Number(r.id));

interface IdQuery {
	limit(n: number): IdQuery;
	execute(): Promise<{ id: number | string }[]>;
}

async function dueIds(q: IdQuery, limit: number | undefined): Promise<number[]> {
	return ids(await (limit === undefined ? q : q.limit(limit)).execute());
}

/** A rule's `due` from the query of its due rows at the cutoff; the run's limit is added here. */
function dueFrom(query: (db: Db | Tx, cutoff: number) => IdQuery): Rule['due'] {
	return (db, cutoff, _now, limit) => dueIds(query(db, cutoff), limit);
}

const rules: Record<RetentionKey, Rule> = {
	bookings_unconfirmed: {
		due: dueFrom((db, cutoff) =>
			db
				.selectFrom('booking')
				.select('id')
				.where('status', '=', 'expired')
				.where('case_id', 'is', null)
				.where((eb) => eb(eb.fn.coalesce('hold_expires_at', 'created_at'), '<=', cutoff))
		),
		async apply(trx, list) {
			await redactMailsAbout(trx, 'booking', list);
			for (const part of chunks(list)) await trx.deleteFrom('booking').where('id', 'in', part).execute();
		}
	},
	bookings_past: {
		due: dueFrom((db, cutoff) =>
			db
				.selectFrom('booking')
				.select('id')
				.where('case_id', 'is', null)
				.where('status', 'not in', ['held', 'expired'])
				.where('start_at', '<=', cutoff)
				.where('email', '!=', '')
		),
		async apply(trx, list, now) {
			await anonymiseBookings(trx, list, now);
			await redactMailsAbout(trx, 'booking', list);
		}
	},
	cases_closed: {
		due: dueFrom((db, cutoff) =>
			db
				.selectFrom('case_file')
				.select('id')
				.where('status', '=', 'closed')
				.where('closed_at', '<=', cutoff)
				.where((eb) =>
					eb.or([
						eb('name', '!=', ''),
						eb('goals', 'is not', null),
						eb('close_outcome', 'is not', null),
						eb('feedback_comment', 'is not', null)
					])
				)
		),
		apply: (trx, list, now) => eraseCases(trx, list, now)
	},
	creatives_without_data: {
		due: dueFrom((db, cutoff) =>
			db
				.selectFrom('creative as c')
				.select('c.id')
				.where('c.deleted_at', 'is', null)
				.where('c.updated_at', '<=', cutoff)
				.where(({ not, exists, selectFrom }) =>
					not(
						exists(
							selectFrom('booking as b')
								.select('b.id')
								.whereRef('b.email', '=', 'c.email')
								.union(
									selectFrom('case_file as f')
										.select('f.id')
										.whereRef('f.creative_id', '=', 'c.id')
										.where('f.name', '!=', '')
								)
								.union(
									selectFrom('event_registration as r').select('r.id').whereRef('r.email', '=', 'c.email')
								)
								.union(
									selectFrom('profile as p')
										.select('p.id')
										.whereRef('p.creative_id', '=', 'c.id')
										.where('p.erased_at', 'is', null)
								)
								.union(
									selectFrom('creative as m')
										.select('m.id')
										.whereRef('m.merged_into_id', '=', 'c.id')
										.where('m.deleted_at', 'is', null)
								)
						)
					)
				)
		),
		async apply(trx, list, now) {
			for (const id of list) await endCreativeAccount(trx, id, now);
		}
	},
	event_registrations: {
		due: dueFrom((db, cutoff) =>
			db
				.selectFrom('event_registration as r')
				.innerJoin('event as e', 'e.id', 'r.event_id')
				.select('r.id')
				.where('e.end_at', '<=', cutoff)
				.where((eb) =>
					eb.or([
						eb('r.email', '!=', ''),
						eb('r.answers', '!=', '[]'),
						eb('r.feedback_comment', 'is not', null)
					])
				)
		),
		async apply(trx, list, now) {
			await anonymiseRegistrations(trx, list, now);
			await redactMailsAbout(trx, 'event_registration', list);
		}
	},
	waitlist_unconfirmed: {
		// Issue 16: a waiting-list join that lapsed unconfirmed (expired without ever being offered).
		due: dueFrom((db, cutoff) =>
			db
				.selectFrom('event_registration')
				.select('id')
				.where('status', '=', 'expired')
				.where('waitlist_confirmed_at', 'is', null)
				.where('confirmed_at', 'is', null)
				.where('waitlisted_at', '<=', cutoff - WAITLIST_CONFIRM_MS)
		),
		async apply(trx, list) {
			await redactMailsAbout(trx, 'event_registration', list);
			for (const part of chunks(list)) {
				await trx.deleteFrom('event_registration_token').where('registration_id', 'in', part).execute();
				await trx.deleteFrom('event_registration').where('id', 'in', part).execute();
			}
		}
	},
	mails: {
		// Sent mails from their sending; dead ones from their last attempt; a mail still pending
		// after the whole period will never be delivered (no SMTP configured, or stuck) and goes too.
		due: dueFrom((db, cutoff) =>
			db
				.selectFrom('outbox')
				.select('id')
				.where((eb) =>
					eb.or([
						eb.and([eb('status', '=', 'sent'), eb('sent_at', '<=', cutoff)]),
						eb.and([eb('status', '=', 'dead'), eb('next_attempt_at', '<=', cutoff)]),
						// Issue 12: obsolete mails were never sent; they age from their creation.
						eb.and([eb('status', '=', 'obsolete'), eb('created_at', '<=', cutoff)]),
						eb.and([eb('status', 'in', ['pending', 'sending']), eb('created_at', '<=', cutoff)])
					])
				)
		),
		async apply(trx, list) {
			for (const part of chunks(list)) await trx.deleteFrom('outbox').where('id', 'in', part).execute();
		}
	},
	profiles_not_renewed: {
		due: dueFrom((db, cutoff) =>
			db
				.selectFrom('profile')
				.select('creative_id as id')
				.where('erased_at', 'is', null)
				.where('updated_at', '<=', cutoff)
		),
		async apply(trx, creativeIds, now) {
			for (const id of creativeIds) await eraseVisibility(trx, id, now);
		}
	},
	decision_makers: {
		// Unconfirmed addresses after the period from registering; confirmed ones once no request is
		// live and the last one closed (or was rejected) more than the period ago.
		due: dueFrom((db, cutoff) =>
			db
				.selectFrom('decision_maker as d')
				.select('d.id')
				.where('d.erased_at', 'is', null)
				.where('d.created_at', '<=', cutoff)
				.where(({ not, exists, selectFrom }) =>
					not(
						exists(
							selectFrom('project_request as p')
								.select('p.id')
								.whereRef('p.decision_maker_id', '=', 'd.id')
								.where((eb) =>
									eb.or([
										eb('p.status', 'in', ['pending', 'open']),
										eb(eb.fn.coalesce('p.closed_at', 'p.updated_at'), '>', cutoff)
									])
								)
						)
					)
				)
		),
		async apply(trx, list, now) {
			for (const id of list) await eraseDecisionMakerRows(trx, id, now);
		}
	},
	tokens: {
		// Several tables; the "ids" are only counted, the rows are found again by expiry.
		whole: true,
		async due(db, cutoff) {
			const counts = await Promise.all(tokenQueries(db, cutoff).map((q) => q.execute()));
			return counts.flatMap((rows) => ids(rows));
		},
		async apply(trx, _ids, _now, cutoff) {
			await trx.deleteFrom('auth_token').where('expires_at', '<=', cutoff).execute();
			await trx.deleteFrom('event_registration_token').where('expires_at', '<=', cutoff).execute();
			for (const { table, hash, expires } of ROW_TOKENS)
				await trx
					.updateTable(table)
					.set(hash, null)
					.set(expires, null)
					.where(expires, '<=', cutoff)
					.execute();
			// check_in.token_hash is unique and not null: a value no token can hash to.
			await trx
				.updateTable('check_in')
				.set({ token_hash: sql<string>`${'expired-'} || cast(id as text)` })
				.where('expires_at', '<=', cutoff)
				.where('token_hash', 'not like', 'expired-%')
				.where('token_hash', 'not like', 'erased-%')
				.execute();
		}
	},
	audit: {
		due: dueFrom((db, cutoff) =>
			db
				.selectFrom('audit_event')
				.select('id')
				.where('at', '<=', cutoff)
				.where((eb) =>
					eb.or([
						eb('data', '!=', '{}'),
						eb('request_id', 'is not', null),
						eb.and([eb('actor_kind', 'in', ['creative', 'anonymous']), eb('actor_label', '!=', REDACTED)])
					])
				)
		),
		async apply(trx, list) {
			for (const part of chunks(list)) {
				await trx
					.updateTable('audit_event')
					.set({ data: '{}', request_id: null })
					.where('id', 'in', part)
					.execute();
				await redactActorLabels(trx)
					.where('id', 'in', part)
					.where('actor_kind', 'in', ['creative', 'anonymous'])
					.execute();
			}
		}
	}
};

/**
 * The tokens kept on the row they open (a column pair: hash, expiry): the tokens rule counts
 * the expired ones and clears both columns; the row itself stays.
 */
const ROW_TOKENS = [
	{ table: 'booking', hash: 'manage_token_hash', expires: 'manage_token_expires_at' },
	{ table: 'referral', hash: 'token_hash', expires: 'token_expires_at' },
	{ table: 'case_file', hash: 'feedback_token_hash', expires: 'feedback_token_expires_at' },
	{ table: 'introduction', hash: 'token_hash', expires: 'token_expires_at' }
] as const;

/** Link tokens expired before the cutoff, in every table that holds one. */
function tokenQueries(db: Db | Tx, cutoff: number) {
	return [
		// auth_token's key is its hash; the rule only counts these rows, so any number will do.
		db.selectFrom('auth_token').select('expires_at as id').where('expires_at', '<=', cutoff),
		db.selectFrom('event_registration_token').select('id').where('expires_at', '<=', cutoff),
		...ROW_TOKENS.map(({ table, expires }) => db.selectFrom(table).select('id').where(expires, '<=', cutoff)),
		db
			.selectFrom('check_in')
			.select('id')
			.where('expires_at', '<=', cutoff)
			.where('token_hash', 'not like', 'expired-%')
			.where('token_hash', 'not like', 'erased-%')
	];
}

export interface RetentionLine {
	key: RetentionKey;
	days: number;
	cutoff: number;
	count: number;
}

export interface RetentionReport {
	dryRun: boolean;
	at: number;
	lines: RetentionLine[];
}

export interface RetentionOptions {
	dryRun?: boolean;
	periods?: RetentionPeriods;
	batchSize?: number;
	/** Called after each batch with the category's running count (the CLI prints progress). */
	onBatch?: (key: RetentionKey, doneSoFar: number) => void;
}

/** Lets the server answer waiting requests between two batches (better-sqlite3 is synchronous). */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs every category in the table's order (closed cases before the people they name, so a
 * person whose last case just lost its name is anonymised in the same run). Each batch is one
 * transaction with one audit row carrying its count.
 */
export async function runRetention(
	services: Pick<Services, 'db' | 'clock' | 'config'>,
	options: RetentionOptions = {}
): Promise<RetentionReport> {
	const now = services.clock.now();
	const t = now.getTime();
	const periods = options.periods ?? retentionPeriods(services.config.retentionDays);
	const batchSize = options.batchSize ?? RETENTION_BATCH;
	const lines: RetentionLine[] = [];
	for (const category of RETENTION_TABLE) {
		const days = periods[category.key];
		const cutoff = retentionCutoff(now, days);
		const rule = rules[category.key];
		if (options.dryRun) {
			lines.push({ key: category.key, days, cutoff, count: (await rule.due(services.db, cutoff, t)).length });
			continue;
		}
		const limit = rule.whole ? undefined : batchSize;
		// Every rule makes its rows no longer due; `done` guards against a row that stays due
		// (the run would otherwise loop on it): such a batch ends the category.
		const done = new Set<number>();
		let total = 0;
		for (;;) {
			const count = await transact(services.db, async (trx) => {
				const due = await rule.due(trx, cutoff, t, limit);
				// A whole rule's "ids" are only counted (and may repeat across its tables).
				const list = limit === undefined ? due : due.filter((id) => !done.has(id));
				if (list.length === 0) return 0;
				for (const id of list) done.add(id);
				await rule.apply(trx, list, t, cutoff);
				await recordAudit(
					trx,
					systemActor,
					{
						action: 'retention.applied',
						subject: { kind: 'retention', id: category.key },
						data: { category: category.key, action: category.action, days, cutoff, count: list.length }
					},
					{ now }
				);
				return list.length;
			});
			total += count;
			if (count > 0) options.onBatch?.(category.key, total);
			if (limit === undefined || count < limit) break;
			await yieldToRequests();
		}
		lines.push({ key: category.key, days, cutoff, count: total });
	}
	return { dryRun: options.dryRun ?? false, at: t, lines };
}
