import type { TestServices } from './test-database';
import { addCreative } from './creative-fixtures';
import { addOfficeStaff } from './staff-member';
import { HOUR, DAY } from '../../src/lib/time/durations';
import { CLOSE_REASONS } from '../../src/lib/server/cases/case-schemas';

/**
 * Generated data for the statistics tests (imported by *.test.ts only): bookings, records,
 * cases, referrals and events written straight into the real test database, plus the plain
 * model they were made from, so the tests can compute the expected figures on their own.
 */
export interface GenBooking {
	id: number;
	officeId: number;
	creativeId: number;
	status: 'attended' | 'no_show' | 'cancelled' | 'confirmed';
	start: number;
	format: 'office' | 'phone' | 'video' | 'sprechtag';
	kind: 'first' | 'follow_up';
	land: string;
	submarket: string;
	stage: string;
	topics: string[];
	record: { topics: string[] } | null;
}

export interface GenRecord {
	id: number;
	officeId: number;
	creativeId: number;
	heldAt: number;
	format: string;
	kind: 'first' | 'follow_up';
	topics: string[];
	land: string | null;
	submarket: string | null;
	stage: string | null;
}

export interface GenCase {
	id: number;
	officeId: number;
	creativeId: number;
	status: 'open' | 'paused' | 'closed';
	land: string;
	openedAt: number;
	lastContactAt: number | null;
	closedAt: number | null;
	closeReason: string | null;
}

export interface Generated {
	officeIds: number[];
	bookings: GenBooking[];
	records: GenRecord[];
	cases: GenCase[];
	referrals: { officeId: number; land: string; kind: string; status: string; createdAt: number }[];
	events: {
		officeId: number | null;
		status: string;
		start: number;
		venueLand: string | null;
		regs: { status: string; attendance: string | null }[];
	}[];
}

function prng(seed: number): () => number {
	let x = seed;
	return () => {
		x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
		return x / 2_147_483_648;
	};
}

export async function generateStatisticsData(
	s: TestServices,
	options: { creatives?: number; seed?: number } = {}
): Promise<Generated> {
	const random = prng(options.seed ?? 7);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
	const t = s.clock.now().getTime();
	const db = s.db;
	const offices = await db
		.selectFrom('office as o')
		.innerJoin('office_land as l', 'l.office_id', 'o.id')
		.select(['o.id', 'l.land_iso'])
		.orderBy('o.id')
		.execute();
	const officeIds = [...new Set(offices.map((o) => Number(o.id)))].slice(0, 3);
	const landsOf = (id: number) => offices.filter((o) => Number(o.id) === id).map((o) => o.land_iso);
	const submarkets = (await db.selectFrom('submarket').select('key').execute()).map((r) => r.key);
	const topics = (await db.selectFrom('topic').select('key').execute()).map((r) => r.key);
	const stages = (await db.selectFrom('stage').select('key').execute()).map((r) => r.key);

	const consultants = new Map<number, number>();
	for (const officeId of officeIds) {
		const id = await addOfficeStaff(s, {
			email: `stat-${officeId}@kreativlotse.example`,
			name: `Statistik ${officeId}`,
			officeId,
			role: 'consultant'
		});
		consultants.set(officeId, id);
	}
	const org = await db
		.insertInto('cp_organization')
		.values({ key: 'stat-org', name: 'Statistik-Org', created_at: t, updated_at: t })
		.returning('id')
		.executeTakeFirstOrThrow();
	const kinds = ['beratung', 'foerderung', 'versicherung', 'netzwerk', 'portal', 'verband'] as const;
	const services = new Map<string, number>();
	for (const kind of kinds) {
		const r = await db
			.insertInto('cp_service')
			.values({ organization_id: org.id, name: `Dienst ${kind}`, kind })
			.returning('id')
			.executeTakeFirstOrThrow();
		services.set(kind, Number(r.id));
	}

	// A consultation record by the office's consultant, after a booking or without one.
	const insertRecord = async (
		caseId: number,
		officeId: number,
		r: {
			booking_id: number | null;
			held_at: number;
			kind: 'first' | 'follow_up';
			format: string;
			topics: string[];
			outcome: 'orientation_given' | 'plan_agreed';
		}
	) => {
		const row = await db
			.insertInto('consultation_record')
			.values({
				...r,
				case_id: caseId,
				consultant_id: consultants.get(officeId)!,
				topics: JSON.stringify(r.topics),
				created_at: t,
				updated_at: t
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		return Number(row.id);
	};

	const out: Generated = { officeIds, bookings: [], records: [], cases: [], referrals: [], events: [] };
	// Start times from Dec 2024; one booking per consultant and hour, so nothing overlaps.
	const base = Date.UTC(2024, 11, 1, 8, 0);
	const busy = new Map<number, Set<number>>();
	const count = options.creatives ?? 60;
	for (let i = 0; i < count; i++) {
		const officeId = pick(officeIds);
		const land = pick(landsOf(officeId));
		const submarket = pick(submarkets);
		const stage = pick(stages);
		const email = `gen-${i}@example.org`;
		const creativeId = await addCreative(s, email);
		const openedAt = base + Math.floor(random() * 400) * DAY + 7 * HOUR;
		const status = pick(['open', 'open', 'paused', 'closed'] as const);
		const lastContactAt = random() < 0.8 ? openedAt + Math.floor(random() * 60) * DAY : null;
		const closedAt = status === 'closed' ? openedAt + Math.floor(random() * 90) * DAY : null;
		const closeReason = status === 'closed' ? pick(CLOSE_REASONS) : null;
		const cf = await db
			.insertInto('case_file')
			.values({
				office_id: officeId,
				creative_id: creativeId,
				consultant_id: consultants.get(officeId)!,
				name: `Person ${i}`,
				status,
				land_iso: land,
				submarket,
				stage,
				topics: '[]',
				opened_at: openedAt,
				last_contact_at: lastContactAt,
				closed_at: closedAt,
				close_reason: closeReason as never,
				created_at: t,
				updated_at: t
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const caseId = Number(cf.id);
		out.cases.push({
			id: caseId,
			officeId,
			creativeId,
			status,
			land,
			openedAt,
			lastContactAt,
			closedAt,
			closeReason
		});

		const nBookings = 1 + Math.floor(random() * 4);
		let start = openedAt + 2 * HOUR;
		for (let k = 0; k < nBookings; k++) {
			let at = start;
			const used = busy.get(officeId) ?? new Set<number>();
			while (used.has(Math.floor(at / HOUR))) at += HOUR;
			used.add(Math.floor(at / HOUR));
			busy.set(officeId, used);
			start = at + Math.floor(1 + random() * 50) * DAY;
			const bStatus = pick([
				'attended',
				'attended',
				'attended',
				'no_show',
				'cancelled',
				'confirmed'
			] as const);
			const bTopics = [pick(topics), pick(topics)];
			const format = pick(['office', 'phone', 'video', 'sprechtag'] as const);
			const withRecord = (bStatus === 'attended' || bStatus === 'confirmed') && random() < 0.5;
			const b = await db
				.insertInto('booking')
				.values({
					office_id: officeId,
					consultant_id: consultants.get(officeId)!,
					format,
					kind: k === 0 ? 'first' : 'follow_up',
					start_at: at,
					end_at: at + HOUR / 2,
					status: bStatus,
					name: `Person ${i}`,
					email,
					land_iso: land,
					submarket,
					stage,
					topics: JSON.stringify(bTopics),
					consent_processing_version: 1,
					consented_at: t,
					created_at: t,
					updated_at: t,
					case_id: caseId
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const rTopics = random() < 0.5 ? [pick(topics)] : [];
			if (withRecord)
				await insertRecord(caseId, officeId, {
					booking_id: Number(b.id),
					held_at: at,
					kind: k === 0 ? 'first' : 'follow_up',
					format,
					topics: rTopics,
					outcome: 'orientation_given'
				});
			out.bookings.push({
				id: Number(b.id),
				officeId,
				creativeId,
				status: bStatus,
				start: at,
				format,
				kind: k === 0 ? 'first' : 'follow_up',
				land,
				submarket,
				stage,
				topics: bTopics,
				record: withRecord ? { topics: rTopics } : null
			});
		}
		if (random() < 0.4) {
			const heldAt = start + 3 * DAY;
			const rTopics = [pick(topics)];
			const recordId = await insertRecord(caseId, officeId, {
				booking_id: null,
				held_at: heldAt,
				kind: 'follow_up',
				format: 'phone',
				topics: rTopics,
				outcome: 'plan_agreed'
			});
			out.records.push({
				id: recordId,
				officeId,
				creativeId,
				heldAt,
				format: 'phone',
				kind: 'follow_up',
				topics: rTopics,
				land,
				submarket,
				stage
			});
		}
		const nRef = Math.floor(random() * 3);
		const offset = Math.floor(random() * kinds.length);
		for (let k = 0; k < nRef; k++) {
			const kind = kinds[(offset + k) % kinds.length]!;
			const rStatus = pick(['suggested', 'contacted', 'got_help', 'no_help', 'not_eligible'] as const);
			const createdAt = openedAt + Math.floor(random() * 30) * DAY;
			await db
				.insertInto('referral')
				.values({
					case_id: caseId,
					record_id: null,
					service_id: services.get(kind)!,
					status: rStatus,
					followup_due_at: createdAt + 21 * DAY,
					created_at: createdAt,
					updated_at: createdAt
				})
				.execute();
			out.referrals.push({ officeId, land, kind, status: rStatus, createdAt });
		}
	}

	for (const officeId of [...officeIds, null]) {
		for (let k = 0; k < 4; k++) {
			const start = base + Math.floor(random() * 420) * DAY + 10 * HOUR;
			const status = pick(['published', 'finished', 'finished', 'cancelled', 'draft'] as const);
			const venueLand = officeId === null ? null : pick(landsOf(officeId));
			const e = await db
				.insertInto('event')
				.values({
					office_id: officeId,
					type: 'workshop',
					title: `Workshop ${k}`,
					format: 'onsite',
					venue_land: venueLand,
					start_at: start,
					end_at: start + 2 * HOUR,
					contact_name: 'Kontakt',
					contact_email: 'kontakt@kreativlotse.example',
					status,
					created_at: t,
					updated_at: t
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const regs: { status: string; attendance: string | null }[] = [];
			const n = Math.floor(random() * 12);
			for (let r = 0; r < n; r++) {
				const rs = pick(['confirmed', 'confirmed', 'confirmed', 'cancelled', 'waitlisted'] as const);
				const attendance =
					rs === 'confirmed' ? pick(['attended', 'attended', 'no_show', null] as const) : null;
				await db
					.insertInto('event_registration')
					.values({
						event_id: e.id,
						status: rs,
						attendance,
						name: `Gast ${r}`,
						email: `gast-${k}-${r}@example.org`,
						consent_processing_version: 1,
						consented_at: t,
						created_at: t,
						updated_at: t
					})
					.execute();
				regs.push({ status: rs, attendance });
			}
			out.events.push({ officeId, status, start, venueLand, regs });
		}
	}
	return out;
}
