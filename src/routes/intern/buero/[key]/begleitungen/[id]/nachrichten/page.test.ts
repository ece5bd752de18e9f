import { describe, expect, it } from 'vitest';
import {
	routeEvent,
	type StaffRole,
	type StaffWho,
	staffActor
} from '../../../../../../../../tests/support/route-events';
import { testServices } from '../../../../../../../../tests/support/test-database';
import { addCase, addConsultant, officeId } from '../../../../../../../../tests/support/checkin-fixtures';
import { sendMessageAsCreative } from '$lib/server/messages/commands';
import { setServices } from '$lib/server/runtime';
import { GET as portalFile } from '../../../../../../portal/nachrichten/anhang/[id]/+server';
import { load as progressLoad } from '../verlauf/+page.server';
import { GET as staffFile } from './anhang/[aid]/+server';
import { load } from './+page.server';
import { servicesClosedAfterEach } from '../../../../../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

type Who = Omit<StaffWho, 'office'> & { office: { id: number; key: string } };

function staffEvent(who: Who, path: string, params: Record<string, string>, routeId: string) {
	return routeEvent({ path, params, routeId, actor: staffActor(who), method: 'GET' });
}

function creativeEvent(creativeId: number, email: string, fileId: number) {
	return routeEvent({
		path: `/portal/nachrichten/anhang/${fileId}`,
		params: { id: String(fileId) },
		routeId: '/portal/nachrichten/anhang/[id]',
		actor: { kind: 'creative', id: creativeId, email, sessionHash: 'x' },
		method: 'GET'
	});
}

async function status(p: Promise<unknown> | unknown): Promise<number> {
	try {
		const r = await p;
		return r instanceof Response ? r.status : 200;
	} catch (e) {
		return (e as { status: number }).status;
	}
}

describe('messages routes × roles (the case rule, 404 with an audit row)', () => {
	it('conversation, file and progress view: who gets 200 and who gets 404', async () => {
		s = await testServices();
		setServices(s);
		const nw = { id: await officeId(s, 'nw'), key: 'nw' };
		const by = { id: await officeId(s, 'by'), key: 'by' };
		const mk = async (key: 'nw' | 'by', role: StaffRole, office = key === 'nw' ? nw : by): Promise<Who> => {
			const u = await addConsultant(s!, key, { role: role === 'network_admin' ? 'office_lead' : role });
			if (role === 'network_admin')
				await s!.db.updateTable('staff_user').set({ is_network_admin: 1 }).where('id', '=', u.id).execute();
			return { id: u.id, email: u.email, role, office };
		};
		const responsible = await mk('nw', 'consultant');
		const f = await addCase(s, {
			officeKey: 'nw',
			consultantId: responsible.id,
			consultantEmail: responsible.email
		});
		const sent = await sendMessageAsCreative(s, f.creativeId, {
			caseId: f.caseId,
			body: 'Hallo',
			idempotencyKey: 'route-test-1',
			attachment: { filename: 'a.pdf', bytes: new TextEncoder().encode('%PDF-1.4 x') }
		});
		expect(sent.ok).toBe(true);
		const fileId = Number(
			(await s.db.selectFrom('case_message_attachment').select('id').executeTakeFirstOrThrow()).id
		);
		const base = `/intern/buero/nw/begleitungen/${f.caseId}`;
		const params = { key: 'nw', id: String(f.caseId) };
		const routeBase = '/intern/buero/[key]/begleitungen/[id]';

		const table: { who: Who; label: string; expected: number }[] = [
			{ label: 'responsible consultant', who: responsible, expected: 200 },
			{ label: 'colleague without the case', who: await mk('nw', 'consultant'), expected: 404 },
			{ label: 'lead of the office', who: await mk('nw', 'office_lead'), expected: 200 },
			{ label: 'network admin', who: await mk('nw', 'network_admin'), expected: 200 },
			{ label: 'lead of another office', who: await mk('by', 'office_lead'), expected: 404 },
			{ label: 'consultant of another office', who: await mk('by', 'consultant'), expected: 404 }
		];
		for (const row of table) {
			const denied = async () =>
				(
					await s!.db
						.selectFrom('audit_event')
						.select('id')
						.where('action', '=', 'access.denied')
						.where('actor_id', '=', row.who.id)
						.execute()
				).length;
			// The three pages of the case's messages, each asked as this staff member, in this order.
			const pages: [string, () => unknown][] = [
				[
					'conversation',
					() => load(staffEvent(row.who, `${base}/nachrichten`, params, `${routeBase}/nachrichten`))
				],
				[
					'file',
					() =>
						staffFile(
							staffEvent(
								row.who,
								`${base}/nachrichten/anhang/${fileId}`,
								{ ...params, aid: String(fileId) },
								`${routeBase}/nachrichten/anhang/[aid]`
							)
						)
				],
				[
					'progress',
					() => progressLoad(staffEvent(row.who, `${base}/verlauf`, params, `${routeBase}/verlauf`))
				]
			];
			for (const [page, ask] of pages)
				expect(await status(ask()), `${row.label}: ${page}`).toBe(row.expected);
			expect(await denied(), `${row.label}: access.denied rows`).toBe(row.expected === 404 ? 3 : 0);
		}
		const staffRead = await s.db
			.selectFrom('audit_event')
			.selectAll()
			.where('action', '=', 'case.attachment_read')
			.execute();
		expect(staffRead).toHaveLength(3);

		// The file as a download for its creative; another creative gets 404.
		const mine = (await portalFile(creativeEvent(f.creativeId, f.email, fileId))) as Response;
		expect(mine.status).toBe(200);
		expect(mine.headers.get('content-disposition')).toBe(
			`attachment; filename="a.pdf"; filename*=UTF-8''a.pdf`
		);
		expect(mine.headers.get('x-content-type-options')).toBe('nosniff');
		expect(mine.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
		const stranger = await addCase(s);
		expect(await status(portalFile(creativeEvent(stranger.creativeId, stranger.email, fileId)))).toBe(404);
	});
});
