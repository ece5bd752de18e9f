import { systemActor } from '../audit/index';
import { type Db, transact } from '../db/transaction';
import { absoluteLink } from '../identity/index';
import { enqueueMail } from '../notifications/index';
import type { Services } from '../runtime';
import { formatDate } from '../../format/datetime';
import { openReminderMail } from './mails';
import { OPEN_REMINDER_BEFORE_MS } from './rules';
import { auditVisibility } from './actors';
import { profilesWithCreatives } from './profiles';

/**
 * "Open for projects" lapses 30 days after it was set or renewed: three days before, one
 * reminder mail (claimed by a conditional update, so several instances send it once); at the
 * end the flag is cleared. Returns how many reminders and expiries it handled.
 */
export async function runOpenForProjectsJobs(
	services: Services
): Promise<{ openReminders: number; openExpired: number }> {
	const now = services.clock.now();
	const openReminders = await sendOpenReminders(services, now);
	const expired = await expireOpenForProjects(services.db, now);
	return { openReminders, openExpired: expired };
}

async function sendOpenReminders(services: Services, now: Date): Promise<number> {
	const { db, config } = services;
	const t = now.getTime();
	const due = await profilesWithCreatives(db)
		.select(['p.id', 'p.open_until', 'p.display_name', 'p.office_id', 'c.email', 'c.locale'])
		.where('p.erased_at', 'is', null)
		.where('c.deleted_at', 'is', null)
		.where('p.open_until', '>', t)
		.where('p.open_until', '<=', t + OPEN_REMINDER_BEFORE_MS)
		.where('p.open_reminder_sent_at', 'is', null)
		.execute();
	let openReminders = 0;
	for (const p of due) {
		const sent = await transact(db, async (trx) => {
			const claim = await trx
				.updateTable('profile')
				.set({ open_reminder_sent_at: t })
				.where('id', '=', p.id)
				.where('open_reminder_sent_at', 'is', null)
				.where('open_until', '=', Number(p.open_until))
				.executeTakeFirst();
			if (Number(claim.numUpdatedRows) !== 1) return false;
			const locale = p.locale === 'en' ? 'en' : 'de';
			await enqueueMail(
				trx,
				{
					to: p.email,
					locale,
					template: 'visibility.open_reminder',
					mail: openReminderMail(locale, {
						name: p.display_name,
						until: formatDate(Number(p.open_until), locale),
						link: absoluteLink(config.publicBaseUrl, locale, '/portal/profil')
					}),
					dedupeKey: `visibility.open_reminder:${p.id}:${p.open_until}`,
					officeId: p.office_id,
					subject: { kind: 'profile', id: Number(p.id) }
				},
				now
			);
			await auditVisibility(trx, now, {}, systemActor, 'profile.open_reminder_sent', {
				kind: 'profile',
				id: Number(p.id),
				officeId: p.office_id
			});
			return true;
		});
		if (sent) openReminders++;
	}
	return openReminders;
}

async function expireOpenForProjects(db: Db, now: Date): Promise<number> {
	const t = now.getTime();
	return transact(db, async (trx) => {
		const rows = await trx
			.selectFrom('profile')
			.select(['id', 'office_id'])
			.where('open_until', '<=', t)
			.execute();
		if (rows.length === 0) return 0;
		await trx
			.updateTable('profile')
			.set({ open_until: null, open_reminder_sent_at: null })
			.where(
				'id',
				'in',
				rows.map((r) => Number(r.id))
			)
			.where('open_until', '<=', t)
			.execute();
		for (const r of rows)
			await auditVisibility(trx, now, {}, systemActor, 'profile.open_expired', {
				kind: 'profile',
				id: Number(r.id),
				officeId: r.office_id
			});
		return rows.length;
	});
}
