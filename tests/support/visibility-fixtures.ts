import type { ProfileInput } from '../../src/lib/server/visibility/schema';
import type { submitRequest } from '../../src/lib/server/visibility/requests';

/** A complete, valid profile form for a person in Berlin; `overrides` changes what a test is about. */
export function profileInput(overrides: Partial<ProfileInput> = {}): ProfileInput {
	return {
		kind: 'person',
		displayName: 'Mara Mond',
		submarkets: ['design'],
		landIso: 'DE-BE',
		town: 'Berlin',
		bio: 'Illustration für Bühnen und Verlage.',
		services: ['Illustration'],
		links: [],
		contactPreference: 'form',
		openForProjects: false,
		...overrides
	};
}

/** A decision maker's complete request from Potsdam, as the form sends it; `overrides` changes what a test is about. */
export function requestSubmission(
	overrides: Partial<Parameters<typeof submitRequest>[1]> = {}
): Parameters<typeof submitRequest>[1] {
	return {
		submission_id: 'req-123456789',
		organisation: 'Stadt Potsdam',
		org_type: 'municipality',
		contact_name: 'Frau Amt',
		email: 'amt@potsdam.example',
		phone: null,
		title: 'Plakate für das Stadtfest',
		description: 'Wir suchen Illustration für eine Plakatserie.',
		submarkets: ['design'],
		land: 'DE-BB',
		region: 'Potsdam',
		budget_min: null,
		budget_max: null,
		deadline: null,
		visibility: 'public',
		consent_request: true,
		locale: 'de',
		clientAddress: '192.0.2.1',
		today: '2026-06-15',
		...overrides
	};
}
