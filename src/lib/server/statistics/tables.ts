import type { Locale } from '../../i18n/locale';
import { type MessageKey, translate } from '../../i18n/messages';
import {
	CANCEL_REASONS,
	listLaender,
	listOffices,
	listStages,
	listSubmarkets,
	listTopics
} from '../reference/index';
import type { Db, Tx } from '../db/transaction';
import type { Count, Figures } from './queries';
import { REFERRAL_STATUSES } from '../referrals/index';
import {
	type CountTable,
	exactTable,
	SUPPRESSED,
	type Shown,
	type SuppressedTable,
	suppressOne,
	suppressTable
} from './suppression-rules';

/**
 * The figures as labelled tables: what the dashboard shows, the charts draw, and the exports
 * write, so every export holds exactly the numbers of a table on the page. With `suppress`
 * (network-wide views and every export) counts below 5 are "< 5" with secondary suppression.
 */
export type Cell = Shown | null;
export interface StatRow {
	key: string;
	label: string;
	cells: Cell[];
	/** The totals line (last row). */
	total?: boolean;
}

export interface StatTable {
	id: TableId;
	title: string;
	rowHeader: string;
	columns: string[];
	rows: StatRow[];
	/** counts: additive (with totals), chartable; figures: key figures, one value each. */
	kind: 'counts' | 'figures';
	/** The last column is the row total. */
	rowTotal: boolean;
}

export const TABLE_IDS = [
	'kennzahlen',
	'bueros',
	'monate',
	'teilmarkt',
	'thema',
	'phase',
	'format',
	'land',
	'begleitung',
	'faelle',
	'abschluesse',
	'absagen',
	'abmeldungen',
	'verweise',
	'veranstaltungen',
	'sichtbarkeit'
] as const;
export type TableId = (typeof TABLE_IDS)[number];

export function isTableId(v: string): v is TableId {
	return (TABLE_IDS as readonly string[]).includes(v);
}

export interface Labels {
	submarkets: { key: string; name: string; active?: boolean }[];
	topics: { key: string; name: string; active?: boolean }[];
	stages: { key: string; name: string; active?: boolean }[];
	laender: { key: string; name: string }[];
	offices: { id: number; key: string; name: string }[];
}

export async function loadLabels(db: Db | Tx, locale: Locale): Promise<Labels> {
	const [submarkets, topics, stages, laender, offices] = await Promise.all([
		listSubmarkets(db, locale),
		listTopics(db, locale),
		listStages(db, locale),
		listLaender(db),
		listOffices(db)
	]);
	const pick = (xs: { key: string; name: string; active: boolean }[]) =>
		xs.map((x) => ({ key: x.key, name: x.name, active: x.active }));
	return {
		submarkets: pick(submarkets),
		topics: pick(topics),
		stages: pick(stages),
		laender: laender.map((l) => ({
			key: l.iso,
			name: translate(locale, `reference.land.${l.iso}` as MessageKey) || l.name
		})),
		offices: offices.map((o) => ({ id: o.id, key: o.key, name: o.name }))
	};
}

const FORMATS = ['office', 'phone', 'video', 'sprechtag'];
const CLOSE_REASONS = [
	'business_founded',
	'funding_obtained',
	'referred_on',
	'no_further_need',
	'no_response',
	'other',
	'no_talk'
];
const CP_KINDS = ['beratung', 'foerderung', 'versicherung', 'netzwerk', 'portal', 'verband'];

export interface TableOptions {
	locale: Locale;
	suppress: boolean;
	/** Show the table by office (more than one office in view). */
	byOffice: boolean;
}

/** What every table shares: the locale's texts and whether small counts are hidden. */
interface TableContext {
	t: (key: MessageKey, params?: Record<string, string | number>) => string;
	unknown: string;
	one: (n: number, basis?: number) => Cell;
	apply: (ct: CountTable) => SuppressedTable;
}

function tableContext(o: TableOptions): TableContext {
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(o.locale, key, params);
	return {
		t,
		unknown: t('stats.row.unknown'),
		one: (n: number, basis: number = n): Cell => (o.suppress ? suppressOne(n, basis) : n),
		apply: (ct: CountTable): SuppressedTable => (o.suppress ? suppressTable(ct) : exactTable(ct))
	};
}

export function buildTables(f: Figures, labels: Labels, o: TableOptions): StatTable[] {
	const ctx = tableContext(o);
	const tables: StatTable[] = [
		...(o.byOffice ? [officeTable(ctx, f, labels)] : []),
		...consultationTables(ctx, f.consultations, labels),
		accompanimentTable(ctx, f.creatives),
		caseStatusTable(ctx, f.cases),
		...reasonTables(ctx, f),
		referralTable(ctx, f.referrals),
		eventTable(ctx, f.events),
		...(f.visibility.available ? [visibilityTable(ctx, f.visibility)] : [])
	];
	return [overviewTable(ctx, tables), ...tables];
}

/** A one-column breakdown with a total row; all reference rows, then unknown and extra keys. */
function breakdown(
	ctx: TableContext,
	id: TableId,
	title: MessageKey,
	rowHeader: MessageKey,
	counts: Count[],
	reference: { key: string; name: string; active?: boolean }[],
	totalLabel: MessageKey = 'stats.row.total'
): StatTable {
	const { t } = ctx;
	// Issue 16: a switched-off sub-market or topic shows only while it still has figures.
	const rows = reference
		.filter((r) => r.active !== false || counts.some((c) => c.key === r.key && c.n > 0))
		.map((r) => ({ key: r.key, label: r.name }));
	for (const c of counts)
		if (!rows.some((r) => r.key === c.key))
			rows.push({ key: c.key, label: c.key === '' ? ctx.unknown : c.key });
	const values = rows.map((r) => [counts.find((c) => c.key === r.key)?.n ?? 0]);
	const s = ctx.apply({ cells: values, rowTotals: false, colTotals: true });
	return {
		id,
		title: t(title),
		rowHeader: t(rowHeader),
		columns: [t('stats.col.count')],
		rows: [
			...rows.map((r, i) => ({ key: r.key, label: r.label, cells: s.cells[i]! as Cell[] })),
			{ key: 'total', label: t(totalLabel), cells: [s.colTotals![0]!], total: true }
		],
		kind: 'counts',
		rowTotal: false
	};
}

/** A two-way table with row totals, column totals and the grand total. */
function twoWay(
	ctx: TableContext,
	id: TableId,
	title: MessageKey,
	rowHeader: MessageKey,
	rows: { key: string; label: string }[],
	columns: string[],
	values: number[][]
): StatTable {
	const { t } = ctx;
	const s = ctx.apply({ cells: values, rowTotals: true, colTotals: true });
	return {
		id,
		title: t(title),
		rowHeader: t(rowHeader),
		columns: [...columns, t('stats.col.total')],
		rows: [
			...rows.map((r, i) => ({
				key: r.key,
				label: r.label,
				cells: [...(s.cells[i]! as Cell[]), s.rowTotals![i]!]
			})),
			{
				key: 'total',
				label: t('stats.row.total'),
				cells: [...(s.colTotals! as Cell[]), s.grandTotal],
				total: true
			}
		],
		kind: 'counts',
		rowTotal: true
	};
}

function figures(
	ctx: TableContext,
	id: TableId,
	title: MessageKey,
	rows: [string, MessageKey, Cell][]
): StatTable {
	return {
		id,
		title: ctx.t(title),
		rowHeader: ctx.t('stats.col.figure'),
		columns: [ctx.t('stats.col.value')],
		rows: rows.map(([key, label, v]) => ({ key, label: ctx.t(label), cells: [v] })),
		kind: 'figures',
		rowTotal: false
	};
}

/** The key figures are cells of the tables below, so the overview always agrees with them. */
function overviewTable(ctx: TableContext, tables: StatTable[]): StatTable {
	const cell = (id: TableId, row: string, column = 0): Cell =>
		tables
			.find((x) => x.id === id)!
			.rows.find((r) => r.key === row)!
			.cells.at(column)!;
	return figures(ctx, 'kennzahlen', 'stats.table.overview', [
		['consultations', 'stats.fig.consultations', cell('monate', 'total', -1)],
		['creatives', 'stats.fig.creatives', cell('begleitung', 'creatives')],
		['cases_opened', 'stats.fig.casesOpened', cell('faelle', 'total')],
		['founders', 'stats.fig.founders', cell('abschluesse', 'business_founded')],
		['referrals', 'stats.fig.referrals', cell('verweise', 'total', -1)],
		['events', 'stats.fig.events', cell('veranstaltungen', 'events')],
		['registrations', 'stats.fig.registrations', cell('veranstaltungen', 'registrations')]
	]);
}

function officeTable(ctx: TableContext, f: Figures, labels: Labels): StatTable {
	const offices = labels.offices.filter((x) => f.officeIds === null || f.officeIds.includes(x.id));
	return twoWay(
		ctx,
		'bueros',
		'stats.table.offices',
		'stats.col.office',
		offices.map((x) => ({ key: x.key, label: x.name })),
		[ctx.t('stats.col.first'), ctx.t('stats.col.followUp')],
		offices.map((x) => {
			const r = f.consultations.byOffice.find((b) => b.officeId === x.id);
			return [r?.first ?? 0, r?.followUp ?? 0];
		})
	);
}

function consultationTables(ctx: TableContext, c: Figures['consultations'], labels: Labels): StatTable[] {
	const { t } = ctx;
	return [
		twoWay(
			ctx,
			'monate',
			'stats.table.monthly',
			'stats.col.month',
			c.monthly.map((m) => ({ key: m.month, label: m.month })),
			[t('stats.col.first'), t('stats.col.followUp')],
			c.monthly.map((m) => [m.first, m.followUp])
		),
		breakdown(
			ctx,
			'teilmarkt',
			'stats.table.submarket',
			'stats.col.submarket',
			c.bySubmarket,
			labels.submarkets
		),
		breakdown(
			ctx,
			'thema',
			'stats.table.topic',
			'stats.col.topic',
			c.byTopic,
			labels.topics,
			'stats.row.totalMentions'
		),
		breakdown(ctx, 'phase', 'stats.table.stage', 'stats.col.stage', c.byStage, labels.stages),
		breakdown(
			ctx,
			'format',
			'stats.table.format',
			'stats.col.format',
			c.byFormat,
			FORMATS.map((k) => ({ key: k, name: t(`stats.format.${k}` as MessageKey) }))
		),
		breakdown(ctx, 'land', 'stats.table.land', 'stats.col.land', c.byLand, labels.laender)
	];
}

function accompanimentTable(ctx: TableContext, cr: Figures['creatives']): StatTable {
	const { one } = ctx;
	const multiCell = one(cr.multi);
	const distinctCell = one(cr.distinct);
	const share =
		cr.distinct === 0 || multiCell === SUPPRESSED || distinctCell === SUPPRESSED
			? cr.distinct === 0
				? null
				: SUPPRESSED
			: Math.round((cr.multi / cr.distinct) * 1000) / 10;
	const median = cr.medianDaysToFollowUp === null ? null : one(cr.medianDaysToFollowUp, cr.followedUp);
	return figures(ctx, 'begleitung', 'stats.table.accompaniment', [
		['creatives', 'stats.fig.creatives', distinctCell],
		['multi', 'stats.fig.multi', multiCell],
		['multi_share', 'stats.fig.multiShare', share],
		['with_first', 'stats.fig.withFirst', one(cr.withFirst)],
		['followed_up', 'stats.fig.followedUp', one(cr.followedUp)],
		['median_days', 'stats.fig.medianDays', median]
	]);
}

function caseStatusTable(ctx: TableContext, cases: Figures['cases']): StatTable {
	const { t } = ctx;
	const rows = ['open', 'paused', 'closed'];
	const s = ctx.apply({
		cells: rows.map((k) => [k === 'open' ? cases.open : k === 'paused' ? cases.paused : cases.closed]),
		rowTotals: false,
		colTotals: true
	});
	const openShown = s.cells[0]![0]!;
	return {
		id: 'faelle',
		title: t('stats.table.cases'),
		rowHeader: t('stats.col.status'),
		columns: [t('stats.col.count')],
		rows: [
			...rows.map((k, i) => ({
				key: k,
				label: t(`stats.case.${k}` as MessageKey),
				cells: [s.cells[i]![0]!]
			})),
			{ key: 'total', label: t('stats.row.total'), cells: [s.colTotals![0]!], total: true },
			{
				key: 'stalled',
				label: t('stats.case.stalled'),
				// A part of "open": hidden with it, and on its own when small.
				cells: [openShown === SUPPRESSED ? SUPPRESSED : ctx.one(cases.stalled)]
			}
		],
		kind: 'counts',
		rowTotal: false
	};
}

/** Why cases closed, appointments were cancelled and registrations withdrawn. */
function reasonTables(ctx: TableContext, f: Figures): StatTable[] {
	const { t } = ctx;
	// Issue 16: the row '' collects "no reason"; appointments and events offer the same reasons.
	const cancelReasons = [...CANCEL_REASONS, ''].map((k) => ({
		key: k,
		name: k === '' ? t('stats.cancel.noReason') : t(`cancel.reason.${k}` as MessageKey)
	}));
	return [
		breakdown(
			ctx,
			'abschluesse',
			'stats.table.closures',
			'stats.col.reason',
			f.cases.closeReasons,
			CLOSE_REASONS.map((k) => ({ key: k, name: t(`stats.reason.${k}` as MessageKey) }))
		),
		breakdown(
			ctx,
			'absagen',
			'stats.table.cancellations',
			'stats.col.reason',
			f.cases.cancelReasons,
			cancelReasons
		),
		breakdown(
			ctx,
			'abmeldungen',
			'stats.table.eventCancellations',
			'stats.col.reason',
			f.events.cancelReasons,
			cancelReasons
		)
	];
}

function referralTable(ctx: TableContext, referrals: Figures['referrals']): StatTable {
	return twoWay(
		ctx,
		'verweise',
		'stats.table.referrals',
		'stats.col.kind',
		CP_KINDS.map((k) => ({ key: k, label: ctx.t(`stats.cpKind.${k}` as MessageKey) })),
		REFERRAL_STATUSES.map((s) => ctx.t(`stats.refStatus.${s}` as MessageKey)),
		CP_KINDS.map((k) =>
			REFERRAL_STATUSES.map((s) => referrals.cells.find((x) => x.kind === k && x.status === s)?.n ?? 0)
		)
	);
}

function eventTable(ctx: TableContext, ev: Figures['events']): StatTable {
	const notMarked = ev.registrations - ev.attended - ev.noShow;
	const evAtt = ctx.apply({
		cells: [[ev.attended], [ev.noShow], [notMarked]],
		rowTotals: false,
		colTotals: true
	});
	const noShowRate =
		ev.noShowRate === null
			? null
			: evAtt.cells[0]![0] === SUPPRESSED || evAtt.cells[1]![0] === SUPPRESSED
				? SUPPRESSED
				: Math.round(ev.noShowRate * 1000) / 10;
	return figures(ctx, 'veranstaltungen', 'stats.table.events', [
		['events', 'stats.fig.events', ctx.one(ev.events)],
		['registrations', 'stats.fig.registrations', evAtt.colTotals![0]!],
		['attended', 'stats.fig.attended', evAtt.cells[0]![0]!],
		['no_show', 'stats.fig.noShow', evAtt.cells[1]![0]!],
		['not_marked', 'stats.fig.notMarked', evAtt.cells[2]![0]!],
		['no_show_rate', 'stats.fig.noShowRate', noShowRate]
	]);
}

function visibilityTable(ctx: TableContext, v: Figures['visibility']): StatTable {
	return figures(ctx, 'sichtbarkeit', 'stats.table.visibility', [
		['profiles', 'stats.fig.profiles', ctx.one(v.profilesPublished)],
		['introductions', 'stats.fig.introductions', ctx.one(v.introductions)],
		['cooperations', 'stats.fig.cooperations', ctx.one(v.cooperations)]
	]);
}
