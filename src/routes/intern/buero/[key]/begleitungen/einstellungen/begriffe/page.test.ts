import { describe, expect, it } from 'vitest';
import { routeEvent, staffActor } from '../../../../../../../../tests/support/route-events';
import { testServices } from '../../../../../../../../tests/support/test-database';
import { addConsultant, officeId } from '../../../../../../../../tests/support/checkin-fixtures';
import { checkFreeText } from '$lib/server/privacy/free-text-guard';
import { setServices } from '$lib/server/runtime';
import { actions, load } from './+page.server';
import { servicesClosedAfterEach } from '../../../../../../../../tests/support/services-per-test';

/** Issue 13, part 5: the office's word list page — leads change it, consultants read it. */
let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

type Who = { id: number; email: string; role: 'office_lead' | 'consultant'; officeId: number };

function event(who: Who, form?: Record<string, string>) {
	return routeEvent({
		path: '/intern/buero/nw/begleitungen/einstellungen/begriffe',
		params: { key: 'nw' },
		routeId: '/intern/buero/[key]/begleitungen/einstellungen/begriffe',
		actor: staffActor({ ...who, office: { id: who.officeId, key: 'nw', name: 'NW' } }),
		form,
		method: form ? 'POST' : 'GET'
	});
}

async function outcome(p: unknown): Promise<{ status: number; location?: string; data?: unknown }> {
	try {
		const r = (await p) as { status?: number; data?: unknown };
		return { status: r?.status ?? 200, data: r?.data };
	} catch (e) {
		const r = e as { status: number; location?: string };
		return { status: r.status, location: r.location };
	}
}

describe('/intern/buero/[key]/begleitungen/einstellungen/begriffe', () => {
	it('a lead adds and removes words for this office only; a consultant reads but cannot change', async () => {
		s = await testServices();
		setServices(s);
		const nw = await officeId(s, 'nw');
		const by = await officeId(s, 'by');
		const mk = async (role: Who['role']): Promise<Who> => {
			const u = await addConsultant(s!, 'nw', { role });
			return { id: u.id, email: u.email, role, officeId: nw };
		};
		const lead = await mk('office_lead');
		const consultant = await mk('consultant');
		const text = { body: 'Ich bin in der Freikirche aktiv.' };

		const page = (await load(event(consultant))) as { mayEdit: boolean; keywords: { word: string }[] };
		expect(page.mayEdit).toBe(false);
		expect(page.keywords.map((k) => k.word)).toContain('Diagnose');
		expect((await outcome(actions.add!(event(consultant, { word: 'Freikirche' })))).status).toBe(403);

		const added = await outcome(actions.add!(event(lead, { word: 'Freikirche' })));
		expect(added).toMatchObject({
			status: 303,
			location: '/intern/buero/nw/begleitungen/einstellungen/begriffe?ok=hinzugefuegt'
		});
		expect(await checkFreeText(s.db, nw, text)).not.toBeNull();
		expect(await checkFreeText(s.db, by, text)).toBeNull();

		const again = await outcome(actions.add!(event(lead, { word: 'freikirche' })));
		expect(again.status).toBe(400);
		expect(again.data).toMatchObject({
			values: { word: 'freikirche' },
			errors: { word: 'Dieser Begriff steht schon auf der Liste.' }
		});

		const after = (await load(event(lead))) as { keywords: { id: number; word: string }[] };
		const id = after.keywords.find((k) => k.word === 'Freikirche')!.id;
		expect((await outcome(actions.remove!(event(consultant, { keyword: String(id) })))).status).toBe(403);
		expect((await outcome(actions.remove!(event(lead, { keyword: String(id) })))).status).toBe(303);
		expect(await checkFreeText(s.db, nw, text)).toBeNull();
	});
});
