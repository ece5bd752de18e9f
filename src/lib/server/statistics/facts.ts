import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Tx } from '../db/transaction';
import {
	type BookingSource,
	type ConsultationFact,
	type ConsultationKind,
	consultationFact,
	type RecordSource,
	sameFact,
	summaryKeys
} from './consultation-rules';
import { refreshPersonYear } from './people-aggregates';

/**
 * The anonymous consultation facts (decision 008). Commands that make a consultation count or
 * stop counting call `syncBookingFact` / `syncRecordFact` inside their own transaction; the fact
 * row and the monthly counters change with the booking or record, or not at all. Facts are
 * never touched by erasure: an erased creative does not change last year's figures.
 */
type Reader = Db | Tx;

const parseTopics = (v: string | null | undefined): string[] => {
	try {
		const parsed = JSON.parse(v ?? '[]') as unknown;
		return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
	} catch {
		return [];
	}
};

const keys = new WeakMap<object, string>();

async function personKeySecret(db: Reader): Promise<string> {
	const cached = keys.get(db);
	if (cached) return cached;
	const row = await db
		.selectFrom('stat_key')
		.select('value')
		.where('name', '=', 'person')
		.executeTakeFirstOrThrow();
	keys.set(db, row.value);
	return row.value;
}

/** The pseudonym of a person: HMAC-SHA256 of the creative's id, 24 hex characters. */
export function personPseudonym(secret: string, subject: string): string {
	return createHmac('sha256', secret).update(subject).digest('hex').slice(0, 24);
}

async function personOf(
	db: Reader,
	booking: { id: number; caseId: number | null; email: string | null } | null,
	caseId: number | null
): Promise<string> {
	const secret = await personKeySecret(db);
	const cid = caseId ?? booking?.caseId ?? null;
	if (cid !== null) {
		const c = await db.selectFrom('case_file').select('creative_id').where('id', '=', cid).executeTakeFirst();
		if (c) return personPseudonym(secret, `creative:${Number(c.creative_id)}`);
	}
	if (booking?.email) {
		const cr = await db
			.selectFrom('creative')
			.select('id')
			.where('email', '=', booking.email.trim().toLowerCase())
			.executeTakeFirst();
		if (cr) return personPseudonym(secret, `creative:${Number(cr.id)}`);
	}
	// Nobody known: this consultation is its own person.
	return personPseudonym(secret, `booking:${booking?.id ?? 0}`);
}

interface StoredFact extends ConsultationFact {
	id: number;
	person: string;
}

async function storedFact(
	db: Reader,
	source: 'booking' | 'record',
	sourceId: number
): Promise<StoredFact | null> {
	const r = await db
		.selectFrom('stat_consultation')
		.selectAll()
		.where('source', '=', source)
		.where('source_id', '=', sourceId)
		.executeTakeFirst();
	if (!r) return null;
	return {
		id: Number(r.id),
		source: r.source,
		sourceId: Number(r.source_id),
		officeId: Number(r.office_id),
		day: r.day,
		dayNo: Number(r.day_no),
		month: r.month,
		land: r.land_iso,
		submarket: r.submarket,
		stage: r.stage,
		format: r.format,
		kind: r.kind,
		topics: parseTopics(r.topics),
		person: r.person
	};
}

/** Adds `delta` to the monthly counters of a fact (in the caller's transaction). */
export async function countFact(trx: Reader, fact: ConsultationFact, delta: 1 | -1): Promise<void> {
	for (const k of summaryKeys(fact)) {
		await trx
			.insertInto('stat_consultation_month')
			.values({
				month: fact.month,
				office_id: fact.officeId,
				land_iso: fact.land,
				dim: k.dim,
				key: k.key,
				n: delta
			})
			.onConflict((oc) =>
				oc
					.columns(['month', 'office_id', 'land_iso', 'dim', 'key'])
					.doUpdateSet({ n: sql`stat_consultation_month.n + excluded.n` })
			)
			.execute();
	}
}

async function applyFact(
	trx: Reader,
	source: 'booking' | 'record',
	sourceId: number,
	wanted: ConsultationFact | null,
	person: () => Promise<string>,
	now: number
): Promise<'added' | 'removed' | 'changed' | 'unchanged'> {
	const existing = await storedFact(trx, source, sourceId);
	if (!wanted && !existing) return 'unchanged';
	if (wanted && existing && sameFact(wanted, existing)) return 'unchanged';
	let keptPerson: string | null = null;
	if (existing) {
		keptPerson = existing.person;
		await trx.deleteFrom('stat_consultation').where('id', '=', existing.id).execute();
		await countFact(trx, existing, -1);
	}
	if (!wanted) {
		if (existing)
			await refreshPersonYear(trx, existing.person, existing.month, existing.officeId, existing.land);
		return 'removed';
	}
	// A corrected fact keeps its pseudonym (the person may have been erased meanwhile).
	const factPerson = keptPerson ?? (await person());
	await trx
		.insertInto('stat_consultation')
		.values({
			source: wanted.source,
			source_id: wanted.sourceId,
			office_id: wanted.officeId,
			day: wanted.day,
			day_no: wanted.dayNo,
			month: wanted.month,
			land_iso: wanted.land,
			submarket: wanted.submarket,
			stage: wanted.stage,
			format: wanted.format,
			kind: wanted.kind,
			topics: JSON.stringify(wanted.topics),
			person: factPerson,
			created_at: now
		})
		.execute();
	await countFact(trx, wanted, 1);
	// Issue 14: the person's yearly rows follow the fact (its old year/office/Land too).
	if (
		existing &&
		(existing.month.slice(0, 4) !== wanted.month.slice(0, 4) ||
			existing.officeId !== wanted.officeId ||
			existing.land !== wanted.land)
	)
		await refreshPersonYear(trx, existing.person, existing.month, existing.officeId, existing.land);
	await refreshPersonYear(trx, factPerson, wanted.month, wanted.officeId, wanted.land);
	return existing ? 'changed' : 'added';
}

/**
 * Brings the fact of one booking in line with the booking (and its record, if any). Call it in
 * the transaction of every change of a booking's status to or from `attended`/`no_show`.
 */
export async function syncBookingFact(trx: Reader, bookingId: number, now: number) {
	const b = await trx
		.selectFrom('booking')
		.select([
			'id',
			'office_id',
			'status',
			'start_at',
			'format',
			'kind',
			'land_iso',
			'submarket',
			'stage',
			'topics',
			'case_id',
			'email'
		])
		.where('id', '=', bookingId)
		.executeTakeFirst();
	if (!b) return 'unchanged' as const;
	const r = await trx
		.selectFrom('consultation_record')
		.select(['id', 'held_at', 'format', 'kind', 'topics'])
		.where('booking_id', '=', bookingId)
		.executeTakeFirst();
	const booking: BookingSource = {
		id: Number(b.id),
		officeId: Number(b.office_id),
		status: b.status,
		startAt: Number(b.start_at),
		format: b.format,
		kind: b.kind,
		land: b.land_iso,
		submarket: b.submarket,
		stage: b.stage,
		topics: parseTopics(b.topics)
	};
	const record = r ? recordSourceOf(r) : null;
	const wanted = consultationFact({ booking, record, caseFile: null });
	const caseId = b.case_id === null ? null : Number(b.case_id);
	return applyFact(
		trx,
		'booking',
		booking.id,
		wanted,
		() => personOf(trx, { id: booking.id, caseId, email: b.email }, caseId),
		now
	);
}

/** A consultation record row as the consultation rules read it (booking and record facts alike). */
function recordSourceOf(r: {
	id: number;
	held_at: number;
	format: string;
	kind: ConsultationKind;
	topics: string;
}): RecordSource {
	return {
		id: Number(r.id),
		heldAt: Number(r.held_at),
		format: r.format,
		kind: r.kind,
		topics: parseTopics(r.topics)
	};
}

/** The fact of one consultation record: its booking's fact, or its own without a booking. */
export async function syncRecordFact(trx: Reader, recordId: number, now: number) {
	const r = await trx
		.selectFrom('consultation_record as r')
		.innerJoin('case_file as c', 'c.id', 'r.case_id')
		.select([
			'r.id',
			'r.booking_id',
			'r.case_id',
			'r.held_at',
			'r.format',
			'r.kind',
			'r.topics',
			'c.office_id',
			'c.land_iso',
			'c.submarket',
			'c.stage'
		])
		.where('r.id', '=', recordId)
		.executeTakeFirst();
	if (!r) return 'unchanged' as const;
	if (r.booking_id !== null) {
		// Counted as the booking; a fact of the record alone must not exist as well.
		await applyFact(trx, 'record', recordId, null, async () => '', now);
		return syncBookingFact(trx, Number(r.booking_id), now);
	}
	const wanted = consultationFact({
		booking: null,
		record: recordSourceOf(r),
		caseFile: { officeId: Number(r.office_id), land: r.land_iso, submarket: r.submarket, stage: r.stage }
	});
	const caseId = Number(r.case_id);
	return applyFact(trx, 'record', recordId, wanted, () => personOf(trx, null, caseId), now);
}

/**
 * After staff merge a duplicate case into another (cases/merge.ts): the facts of the case's
 * bookings and records take the pseudonym of the case's creative, so the merged person is
 * counted once.
 */
export async function repseudonymiseCase(trx: Reader, caseId: number): Promise<void> {
	const person = await personOf(trx, null, caseId);
	const bookingIds = (
		await trx.selectFrom('booking').select('id').where('case_id', '=', caseId).execute()
	).map((r) => Number(r.id));
	const recordIds = (
		await trx
			.selectFrom('consultation_record')
			.select('id')
			.where('case_id', '=', caseId)
			.where('booking_id', 'is', null)
			.execute()
	).map((r) => Number(r.id));
	// The fact sources that have rows of this case; an empty `in ()` list is not valid SQL.
	const sources = (
		[
			['booking', bookingIds],
			['record', recordIds]
		] as const
	).filter(([, ids]) => ids.length > 0);
	// Issue 14: the yearly people rows of the old pseudonyms and the new one change with it.
	const touched = await trx
		.selectFrom('stat_consultation')
		.select(['person', 'month', 'office_id', 'land_iso'])
		.where((eb) =>
			eb.or([
				...sources.map(([source, ids]) => eb.and([eb('source', '=', source), eb('source_id', 'in', ids)])),
				eb.lit(false)
			])
		)
		.execute();
	for (const [source, ids] of sources)
		await trx
			.updateTable('stat_consultation')
			.set({ person })
			.where('source', '=', source)
			.where('source_id', 'in', ids)
			.execute();
	const refreshed = new Set<string>();
	for (const t of touched)
		for (const who of [t.person, person]) {
			const key = [who, t.month.slice(0, 4), t.office_id, t.land_iso].join('\u0000');
			if (refreshed.has(key)) continue;
			refreshed.add(key);
			await refreshPersonYear(trx, who, t.month, Number(t.office_id), t.land_iso);
		}
}
