import type { OfficeScope } from '../../src/lib/server/access/scope';
import type { Services } from '../../src/lib/server/runtime';
import { proposeIntroduction } from '../../src/lib/server/visibility/introductions';
import { moderateProfile } from '../../src/lib/server/visibility/moderation';
import { ownProfile, publishProfile, saveProfile } from '../../src/lib/server/visibility/profiles';
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

/**
 * A creative's profile saved, published and approved by the office lead, so it is live: the
 * start of every test about what the public or a decision maker sees. The approval's answer is
 * returned for tests that check it.
 */
export async function approvedProfile(
	s: Services,
	creativeId: number,
	lead: { officeId: number; staff: { id: number; email: string }; scope: OfficeScope },
	input: ProfileInput = profileInput()
) {
	await saveProfile(s, creativeId, input);
	const profileId = (await ownProfile(s.db, creativeId, s.clock.now()))!.id;
	await publishProfile(s, creativeId);
	const approved = await moderateProfile(s, lead.staff, lead.scope, {
		officeId: lead.officeId,
		profileId,
		action: 'approve'
	});
	return { profileId, approved };
}

/**
 * The office proposes a creative's live profile (no case behind it) for a request: the step
 * before each test of the introduction's answer. Returns the proposal's answer.
 */
export function proposeProfile(
	s: Services,
	lead: { officeId: number; staff: { id: number; email: string }; scope: OfficeScope },
	to: { requestId: number; creativeId: number; profileId: number },
	message: string | null = null
) {
	return proposeIntroduction(s, lead.staff, lead.scope, {
		officeId: lead.officeId,
		...to,
		caseId: null,
		message
	});
}
