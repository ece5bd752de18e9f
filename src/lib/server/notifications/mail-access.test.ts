import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../tests/support/test-database';
import { mintScope } from '../access/scope';
import { bookingFixture } from '../../../../tests/support/booking-fixtures';
import { confirmedBooking } from '../../../../tests/support/case-fixtures';
import { requestPortalLink } from '../portal/login';
import { deliverDue, type MailTransport } from './deliver';
import { MASK, maskTokens } from './mask-tokens';
import { getOutboxMail, listOutbox, type MailViewer, openOutboxMail } from './queries';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';
import { auditRowsOf } from '../../../../tests/support/audit-rows';

let s = servicesClosedAfterEach();

const TOKEN =
	/\/(termin\/bestaetigen|termin\/verwalten|portal\/anmelden|rueckmeldung|verweis)\/([A-Za-z0-9_-]{32,})/g;

function viewer(
	officeId: number,
	who: { id: number; email: string },
	role: 'office_lead' | 'consultant' | 'network_admin'
): MailViewer {
	const admin = role === 'network_admin';
	return {
		scope: admin ? mintScope(true, []) : mintScope(false, [officeId]),
		staffId: who.id,
		email: who.email,
		isNetworkAdmin: admin,
		memberships: admin ? [] : [{ officeId, role }]
	};
}

async function setup() {
	s = await testServices();
	const f = await bookingFixture(s);
	const booked = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
	await requestPortalLink(s, { email: 'kim@example.org', clientAddress: '203.0.113.1', locale: 'de' });
	const all = await s.db.selectFrom('outbox').selectAll().orderBy('id').execute();
	const tokens = all.flatMap((m) => [...`${m.text_body}${m.html_body}`.matchAll(TOKEN)].map((x) => x[2]!));
	return {
		f,
		booked,
		all,
		tokens: [...new Set(tokens)],
		berta: viewer(f.officeId, { id: f.consultantId, email: f.consultantEmail }, 'consultant'),
		zeno: viewer(f.officeId, { id: f.secondConsultantId, email: 'zeno@kreativlotse.example' }, 'consultant'),
		lead: viewer(f.officeId, { id: 9999, email: 'lead@kreativlotse.example' }, 'office_lead'),
		admin: viewer(f.officeId, { id: 9998, email: 'admin@kreativlotse.example' }, 'network_admin')
	};
}

describe('Postausgang respects case access (issue 13)', () => {
	it('a consultant reads only mails about own bookings and cases; sign-in mails are nobody’s', async () => {
		const x = await setup();
		const about = x.all.filter(
			(m) => m.subject_kind === 'booking' && m.subject_id === String(x.booked.bookingId)
		);
		expect(about.length).toBeGreaterThan(0);
		const login = x.all.find((m) => m.template === 'portal.login')!;
		const ids = async (v: MailViewer) =>
			(await listOutbox(s!.db, v, { page: 1, pageSize: 100 })).items.map((m) => m.id).sort((a, b) => a - b);

		const bookingMailIds = about.map((m) => Number(m.id));
		expect(await ids(x.berta)).toEqual(expect.arrayContaining(bookingMailIds));
		for (const id of bookingMailIds) {
			expect(await ids(x.zeno)).not.toContain(id);
			expect(await getOutboxMail(s!.db, x.zeno, id)).toBeNull();
		}
		expect(await ids(x.lead)).toEqual(expect.arrayContaining(bookingMailIds));
		expect(await ids(x.admin)).toEqual(expect.arrayContaining(bookingMailIds));
		for (const v of [x.berta, x.zeno, x.lead, x.admin]) {
			expect(await ids(v)).not.toContain(Number(login.id));
			expect(await getOutboxMail(s!.db, v, Number(login.id))).toBeNull();
		}
	});

	it('no viewer shows a usable token, and opening a mail is audited', async () => {
		const x = await setup();
		expect(x.tokens.length).toBeGreaterThanOrEqual(2);
		for (const m of x.all) {
			const shown = await openOutboxMail(s!.db, x.admin, Number(m.id), { now: s!.clock.now() });
			if (!shown) continue;
			const text = JSON.stringify(shown);
			for (const token of x.tokens) expect(text).not.toContain(token);
		}
		const audits = await auditRowsOf(s!.db, 'mail.viewed');
		expect(audits.length).toBeGreaterThan(0);
		expect(audits[0]).toMatchObject({ actor_kind: 'staff', actor_id: 9998, subject_kind: 'outbox' });
		expect(audits[0]!.data).not.toContain('kim@example.org');
	});

	it('after delivery (or death) the raw outbox holds none of the tokens issued', async () => {
		const x = await setup();
		let calls = 0;
		const transport: MailTransport = {
			async send() {
				// Every other mail fails for good (max attempts 1): dead mails are masked too.
				if (calls++ % 2 === 1) throw new Error('550 no such user');
			}
		};
		await deliverDue(s!.db, transport, {
			worker: 'test',
			from: 'no-reply@kreativlotse.invalid',
			maxAttempts: 1,
			now: () => s!.clock.now()
		});
		const rows = await s!.db.selectFrom('outbox').selectAll().execute();
		expect(rows.some((r) => r.status === 'dead')).toBe(true);
		expect(rows.every((r) => r.status === 'sent' || r.status === 'dead')).toBe(true);
		const raw = JSON.stringify(rows).replace(/\\r\\n[ \\t]/g, '');
		for (const token of x.tokens) expect(raw).not.toContain(token);
		expect(raw).toContain(MASK);
	});

	it('masks link tokens only', () => {
		const token = 'a'.repeat(43);
		expect(maskTokens(`https://x.example/termin/verwalten/${token}.`)).toBe(
			`https://x.example/termin/verwalten/${MASK}.`
		);
		expect(maskTokens(`<a href="https://x.example/rueckmeldung/${token}">`)).toBe(
			`<a href="https://x.example/rueckmeldung/${MASK}">`
		);
		expect(maskTokens('https://x.example/termin/abc and /intern')).toBe(
			'https://x.example/termin/abc and /intern'
		);
	});
});
