import { setServices } from '../../src/lib/server/runtime';
import { bookingFixture } from './booking-fixtures';
import { testServices } from './test-database';

/**
 * The start of a test of a staff route of office `nw`: fresh services that the route uses, the
 * booking fixture, and its consultant as the signed-in staff member `me` (closeServicesAfterEach
 * closes the services after the test).
 */
export async function consultantRouteStart() {
	const s = await testServices();
	setServices(s);
	const f = await bookingFixture(s);
	return { s, f, me: { id: f.consultantId, officeId: f.officeId } };
}
