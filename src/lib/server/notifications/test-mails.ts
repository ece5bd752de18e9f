import type { Db } from '../db/transaction';
import { enqueueMail, type OutgoingMail } from './outbox';
import { type MailBlock, renderMail } from './render';

/** Test helper: a German mail with these blocks and the app's footer. */
export function sampleRendered(subject: string, blocks: MailBlock[]) {
	return renderMail('de', subject, blocks, 'Kreativlotse');
}

/** Test helper: a plausible mail, overridable field by field. Not used by production code. */
export function sampleMail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
	return {
		to: 'kreative@example.org',
		toName: 'Kim Kreativ',
		locale: 'de',
		template: 'booking.confirmed',
		mail: sampleRendered('Ihr Termin ist bestätigt', [
			{ kind: 'p', text: 'Guten Tag Kim Kreativ,' },
			{ kind: 'button', text: 'Termin ansehen', href: 'https://kreativlotse.example/termin/abc' }
		]),
		officeId: null,
		...overrides
	};
}

/** Enqueues `count` mails one millisecond apart, the last at `start`, so all are due at `start`. */
export async function enqueueMany(
	db: Db,
	count: number,
	start: Date,
	make: (i: number) => Partial<OutgoingMail> = () => ({})
): Promise<void> {
	for (let i = 0; i < count; i++) {
		await enqueueMail(
			db,
			sampleMail({ to: `person${i}@example.org`, ...make(i) }),
			new Date(start.getTime() - (count - 1 - i))
		);
	}
}
