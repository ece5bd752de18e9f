import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n/locale';
import { localizePath } from '$lib/i18n/locale';
import { requireOffice, requireStaff } from '$lib/server/http/gate';
import { getOfficeByKey, listLaender, listOffices } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import { showsExactFigures, type StatsOutput } from '$lib/server/statistics/disclosure-rules';
import { type Period, parsePeriod } from '$lib/server/statistics/period-rules';
import { statisticsFigures } from '$lib/server/statistics/queries';
import { buildTables, loadLabels, type StatTable } from '$lib/server/statistics/tables';
import { berlinDate } from '$lib/time/berlin';

/**
 * The statistics pages' gate. Consultants and leads see their own office (exactly); network
 * admins see all offices and each office (suppressed: small cells "< 5"). Another office's
 * figures answer 404 and the gate audits the denial. Who sees exact figures is the statistics
 * domain's rule (disclosure-rules.ts); this file only gathers the view.
 */
export interface StatsView {
	period: Period;
	office: { id: number; key: string; name: string } | null;
	land: string | null;
	/** Exact figures: the viewer is a member of the office shown. */
	exact: boolean;
	isNetworkAdmin: boolean;
	officeOptions: { key: string; name: string }[];
	landOptions: { iso: string; name: string }[];
	/** Query string that selects this view again (without the table and format). */
	query: string;
}

export async function statsAccess(
	event: RequestEvent,
	periodOverride?: Period
): Promise<StatsView & { scope: Parameters<typeof statisticsFigures>[1]; viewerOfficeIds: number[] }> {
	const access = requireStaff(event);
	const { staff } = access;
	const { db, clock } = services();
	const params = event.url.searchParams;
	const key = params.get('buero');
	let office: StatsView['office'] = null;
	let scope = access.scope;
	let exact = false;
	const viewerOfficeIds = staff.memberships.map((m) => m.officeId);
	if (key) {
		const found = await getOfficeByKey(db, key);
		if (!found) error(404, { message: 'not found' });
		const gated = await requireOffice(event, found.id, 'consultant');
		scope = gated.scope;
		office = { id: found.id, key: found.key, name: found.name };
		exact = showsExactFigures(viewerOfficeIds, found.id, 'page');
	} else if (!staff.isNetworkAdmin) {
		const first = staff.memberships[0];
		if (!first) error(404, { message: 'not found' });
		const next = new URLSearchParams(params);
		next.set('buero', first.officeKey);
		redirect(303, localizePath(event.locals.locale, `${event.url.pathname}?${next}`));
	}
	const today = berlinDate(clock.now().getTime());
	const period = periodOverride ?? parsePeriod(params, today);
	const laender = await listLaender(db);
	const landParam = params.get('land');
	const land = landParam && laender.some((l) => l.iso === landParam) ? landParam : null;
	const officeOptions = staff.isNetworkAdmin
		? (await listOffices(db)).map((o) => ({ key: o.key, name: o.name }))
		: staff.memberships.map((m) => ({ key: m.officeKey, name: m.officeName }));
	const q = new URLSearchParams(period.params);
	if (office) q.set('buero', office.key);
	if (land) q.set('land', land);
	return {
		scope,
		viewerOfficeIds,
		period,
		office,
		land,
		exact,
		isNetworkAdmin: staff.isNetworkAdmin,
		officeOptions,
		landOptions: laender.map((l) => ({ iso: l.iso, name: l.name })),
		query: q.toString()
	};
}

export async function statsTables(
	view: Awaited<ReturnType<typeof statsAccess>>,
	locale: Locale,
	output: StatsOutput
): Promise<StatTable[]> {
	const suppress = !showsExactFigures(view.viewerOfficeIds, view.office?.id ?? null, output);
	const { db, clock } = services();
	const figures = await statisticsFigures(
		db,
		view.scope,
		{ period: view.period, officeId: view.office?.id ?? null, land: view.land },
		clock.now().getTime()
	);
	if (!figures) error(404, { message: 'not found' });
	const labels = await loadLabels(db, locale);
	return buildTables(figures, labels, { locale, suppress, byOffice: view.office === null });
}
