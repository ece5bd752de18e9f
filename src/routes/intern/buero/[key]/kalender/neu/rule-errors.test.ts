import { describe, expect, it } from 'vitest';
import { refusedForm, routeEvent, staffActor } from '../../../../../../../tests/support/route-events';
import { testServices } from '../../../../../../../tests/support/test-database';
import { mintScope } from '$lib/server/access/scope';
import { slotValue } from '$lib/server/booking/calendar-schema';
import { holdBooking, onBehalfSlotFree } from '$lib/server/booking/commands';
import { bookingFixture, holdInput, slotsOn } from '../../../../../../../tests/support/booking-fixtures';
import { setServices } from '$lib/server/runtime';
import { actions } from './+page.server';
import { servicesClosedAfterEach } from '../../../../../../../tests/support/services-per-test';

/**
 * Issue 16: booking on behalf, a slot taken meanwhile is reported with the form's other errors
 * (here the name left empty), not only after those are fixed.
 */
let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

const DAY = '2026-06-17';
const lead = (id: number, officeId: number) =>
	staffActor({
		id,
		name: 'Lea Leitung',
		email: 'lea@kreativlotse.example',
		role: 'office_lead',
		office: { id: officeId, key: 'nw', name: 'NW' }
	});

function event(actor: ReturnType<typeof lead>, form: Record<string, string>) {
	return routeEvent({
		path: '/intern/buero/nw/kalender/neu',
		params: { key: 'nw' },
		routeId: '/intern/buero/[key]/kalender/neu',
		actor,
		form
	});
}

describe('booking on behalf: every error in one round', () => {
	it('onBehalfSlotFree: free until someone holds it; outside the scope it says nothing', async () => {
		s = await testServices();
		const f = await bookingFixture(s);
		const [slot] = await slotsOn(s, f, DAY);
		const wish = {
			officeId: f.officeId,
			consultantId: f.consultantId,
			format: 'office' as const,
			start: slot!.start
		};
		const actor = { id: f.consultantId, email: f.consultantEmail, role: 'office_lead' as const };
		const scope = mintScope(false, [f.officeId]);
		expect(await onBehalfSlotFree(s, actor, scope, wish)).toBe(true);
		expect((await holdBooking(s, holdInput(f, slot!.start))).ok).toBe(true);
		expect(await onBehalfSlotFree(s, actor, scope, wish)).toBe(false);
		expect(await onBehalfSlotFree(s, actor, mintScope(false, [9999]), wish)).toBe(true);
	});

	it('the name missing and the slot taken meanwhile: both in the first answer', async () => {
		s = await testServices();
		setServices(s);
		const f = await bookingFixture(s);
		const [slot] = await slotsOn(s, f, DAY);
		expect((await holdBooking(s, holdInput(f, slot!.start))).ok).toBe(true);
		const r = refusedForm(
			await actions.default!(
				event(lead(f.consultantId, f.officeId), {
					slot: slotValue({ start: slot!.start, consultantId: f.consultantId, format: 'office' }),
					name: '',
					email: 'kim@example.org',
					phone: '',
					postcode: '',
					land: 'DE-NW',
					submarket: 'design',
					stage: 'idee',
					concern: 'Preise',
					heardFrom: '',
					locale: 'de',
					consentProcessing: 'on'
				})
			)
		);
		expect(Object.keys(r.errors).sort()).toEqual(['name', 'slot']);
		expect(r.errors.slot).toMatch(/inzwischen vergeben/);
	});
});
