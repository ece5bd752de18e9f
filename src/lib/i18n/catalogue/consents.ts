import { catalogue } from './define';

// Issue 13, part 3: all consents in one place in the portal, and the notes consent withdrawn
// (by the creative in the portal, or recorded by staff when given by phone or letter).
export default catalogue(
	{
		'consents.portal.link': 'Meine Einwilligungen',
		'consents.portal.title': 'Meine Einwilligungen',
		'consents.portal.lead':
			'Hier sehen Sie alle Einwilligungen, die Sie uns gegeben haben, mit der Fassung des Textes, dem Sie zugestimmt haben, und dem Datum.',
		'consents.portal.none': 'Sie haben uns noch keine Einwilligung gegeben.',
		'consents.kind.processing': 'Verarbeitung Ihrer Angaben für die Beratung',
		'consents.kind.news': 'Hinweise auf Angebote per E-Mail',
		'consents.kind.notes': 'Inhaltsnotizen zu Ihren Beratungsgesprächen',
		'consents.kind.profile': 'Veröffentlichung Ihres Profils',
		'consents.table.kind': 'Einwilligung',
		'consents.table.where': 'Wo',
		'consents.table.version': 'Textfassung',
		'consents.table.state': 'Stand',
		'consents.state.given': 'Erteilt am {date}',
		'consents.state.withdrawn': 'Einwilligung widerrufen am {date}',
		'consents.where.profile': 'Profilverzeichnis',
		'consents.withdraw.title': 'Einwilligung in Inhaltsnotizen widerrufen',
		'consents.withdraw.text':
			'Wenn Sie widerrufen, löschen wir sofort alle Inhaltsnotizen (Ausgangslage und Rat) zu Ihren Gesprächen in allen Regionalbüros. Was vereinbart wurde (nächste Schritte, Verweise) und die Termine bleiben. Neue Notizen gibt es erst wieder, wenn Sie erneut einwilligen.',
		'consents.withdraw.submit': 'Einwilligung widerrufen und Notizen löschen',
		'consents.withdraw.done': 'Ihre Einwilligung ist widerrufen. Gelöschte Gesprächsnotizen: {records}.',
		'consents.withdraw.nothing': 'Es gibt keine Einwilligung in Inhaltsnotizen, die Sie widerrufen könnten.',
		'consents.profile.hint':
			'Die Einwilligung zur Veröffentlichung Ihres Profils widerrufen Sie auf der Profilseite.',
		'consents.back': 'Zurück zur Übersicht',
		'consents.staff.withdrawn': 'Einwilligung widerrufen am {date} – Inhaltsnotizen gelöscht',
		'consents.staff.title': 'Widerruf der Einwilligung in Inhaltsnotizen erfassen',
		'consents.staff.text':
			'Hat die Person ihre Einwilligung telefonisch oder schriftlich widerrufen? Dann werden sofort alle Inhaltsnotizen ihrer Begleitungen gelöscht, auch in anderen Regionalbüros.',
		'consents.staff.confirm': 'Die Person hat ihre Einwilligung in Inhaltsnotizen widerrufen.',
		'consents.staff.confirmRequired': 'Bitte bestätigen Sie, dass die Person widerrufen hat.',
		'consents.staff.submit': 'Widerruf erfassen und Notizen löschen',
		'cases.notice.consentWithdrawn': 'Der Widerruf ist erfasst; die Inhaltsnotizen sind gelöscht.',
		'consents.news.title': 'Einwilligung in Hinweise auf Angebote widerrufen',
		'consents.news.text':
			'Wenn Sie widerrufen, schicken wir Ihnen keine Hinweise auf Angebote mehr. Ihre Termine und Ihre Begleitung bleiben davon unberührt.',
		'consents.news.submit': 'Hinweise auf Angebote abbestellen',
		'consents.news.done': 'Ihre Einwilligung in Hinweise auf Angebote ist widerrufen.',
		'consents.timeline.withdrawn':
			'Einwilligung zu Notizen widerrufen am {date} ({via}); Inhaltsnotizen gelöscht',
		'consents.timeline.via.portal': 'im Portal',
		'consents.timeline.via.staff': 'vom Regionalbüro erfasst',
		'consents.privacy.withdraw':
			'So widerrufen Sie: im Portal unter „Meine Einwilligungen“ oder telefonisch bzw. schriftlich bei Ihrem Regionalbüro. Alle Inhaltsnotizen zu Ihren Gesprächen werden dann sofort gelöscht; neue Notizen entstehen erst wieder, wenn Sie erneut einwilligen. Dort sehen Sie auch alle Ihre Einwilligungen mit Textfassung und Datum.'
	},
	{
		'consents.portal.link': 'My consents',
		'consents.portal.title': 'My consents',
		'consents.portal.lead':
			'Here you see every consent you have given us, with the version of the text you agreed to and the date.',
		'consents.portal.none': 'You have not given us any consent yet.',
		'consents.kind.processing': 'Processing your details for the advice',
		'consents.kind.news': 'News about offers by e-mail',
		'consents.kind.notes': 'Content notes on your advice sessions',
		'consents.kind.profile': 'Publishing your profile',
		'consents.table.kind': 'Consent',
		'consents.table.where': 'Where',
		'consents.table.version': 'Text version',
		'consents.table.state': 'Status',
		'consents.state.given': 'Given on {date}',
		'consents.state.withdrawn': 'Consent withdrawn on {date}',
		'consents.where.profile': 'Profile directory',
		'consents.withdraw.title': 'Withdraw consent to content notes',
		'consents.withdraw.text':
			'If you withdraw, we delete at once every content note (situation and advice) on your sessions in every regional office. What was agreed (next steps, referrals) and your appointments stay. There are no new notes unless you consent again.',
		'consents.withdraw.submit': 'Withdraw consent and delete notes',
		'consents.withdraw.done': 'Your consent is withdrawn. Session notes deleted: {records}.',
		'consents.withdraw.nothing': 'There is no consent to content notes you could withdraw.',
		'consents.profile.hint': 'You withdraw the consent to publish your profile on the profile page.',
		'consents.back': 'Back to the overview',
		'consents.staff.withdrawn': 'Consent withdrawn on {date} – content notes deleted',
		'consents.staff.title': 'Record a withdrawal of consent to content notes',
		'consents.staff.text':
			'Did the person withdraw their consent by phone or in writing? Then every content note of their cases is deleted at once, in other regional offices too.',
		'consents.staff.confirm': 'The person has withdrawn their consent to content notes.',
		'consents.staff.confirmRequired': 'Please confirm that the person has withdrawn.',
		'consents.staff.submit': 'Record withdrawal and delete notes',
		'cases.notice.consentWithdrawn': 'The withdrawal is recorded; the content notes are deleted.',
		'consents.news.title': 'Withdraw consent to news about offers',
		'consents.news.text':
			'If you withdraw, we send you no more news about offers. Your appointments and your accompaniment are not affected.',
		'consents.news.submit': 'Stop news about offers',
		'consents.news.done': 'Your consent to news about offers is withdrawn.',
		'consents.timeline.withdrawn': 'Consent to notes withdrawn on {date} ({via}); content notes deleted',
		'consents.timeline.via.portal': 'in the portal',
		'consents.timeline.via.staff': 'recorded by the regional office',
		'consents.privacy.withdraw':
			'How to withdraw: in the portal under “My consents”, or by phone or in writing to your regional office. Every content note on your sessions is then deleted at once; there are no new notes unless you consent again. There you also see all your consents with text version and date.'
	}
);
