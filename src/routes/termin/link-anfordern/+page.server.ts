import { sendBookingLinks } from '$lib/server/booking/commands';
import { linkRequestAction } from '$lib/server/http/link-request';
import type { Actions } from './$types';

export const actions: Actions = {
	default: linkRequestAction(sendBookingLinks, 'booking.flow.error.throttled')
};
