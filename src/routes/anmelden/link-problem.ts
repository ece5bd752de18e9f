import type { MessageKey } from '$lib/i18n/messages';

export type LinkProblemReason = 'invalid' | 'expired' | 'used';

export const linkProblemTitle: Record<LinkProblemReason, MessageKey> = {
	invalid: 'identity.link.invalid.title',
	expired: 'identity.link.expired.title',
	used: 'identity.link.used.title'
};
