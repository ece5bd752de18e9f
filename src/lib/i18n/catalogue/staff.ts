import { catalogue } from './define';

// Keys start with 'staff.' (the staff home page).
export default catalogue(
	{
		'staff.home.title': 'Interner Bereich',
		'staff.home.welcome': 'Willkommen, {name}.',
		'staff.home.offices': 'Meine Regionalbüros',
		'staff.home.role.office_lead': 'Leitung',
		'staff.home.role.consultant': 'Beratung',
		'staff.home.role.network_admin': 'Netzwerk-Administration (alle Büros)',
		'staff.home.noOffice': 'Sie sind noch keinem Regionalbüro zugeordnet.',
		'staff.home.mail': 'Postausgang',
		'staff.home.mail.pending': (p) =>
			`${p.count} ${p.count === 1 ? 'Mail wartet' : 'Mails warten'} auf Versand`,
		'staff.home.mail.dead': (p) =>
			`${p.count} ${p.count === 1 ? 'Mail konnte' : 'Mails konnten'} nicht zugestellt werden`,
		'staff.home.mail.open': 'Postausgang öffnen',
		'staff.home.admin': 'Verwaltung',
		'staff.home.admin.users': 'Benutzer einladen und verwalten',
		'staff.home.admin.reference': 'Regionalbüros, Teilmärkte, Themen und Phasen pflegen',
		'staff.home.admin.audit': 'Protokoll einsehen'
	},
	{
		'staff.home.title': 'Staff area',
		'staff.home.welcome': 'Welcome, {name}.',
		'staff.home.offices': 'My regional offices',
		'staff.home.role.office_lead': 'Lead',
		'staff.home.role.consultant': 'Consultant',
		'staff.home.role.network_admin': 'Network administration (all offices)',
		'staff.home.noOffice': 'You are not assigned to a regional office yet.',
		'staff.home.mail': 'Outbox',
		'staff.home.mail.pending': (p) =>
			`${p.count} ${p.count === 1 ? 'mail is' : 'mails are'} waiting to be sent`,
		'staff.home.mail.dead': (p) => `${p.count} ${p.count === 1 ? 'mail' : 'mails'} could not be delivered`,
		'staff.home.mail.open': 'Open the outbox',
		'staff.home.admin': 'Administration',
		'staff.home.admin.users': 'Invite and manage users',
		'staff.home.admin.reference': 'Maintain regional offices, sub-markets, topics and stages',
		'staff.home.admin.audit': 'View the audit log'
	}
);
