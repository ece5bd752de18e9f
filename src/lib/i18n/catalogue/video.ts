import { catalogue } from './define';

// Issue 11: the video link when no video service is configured (VIDEO_BASE_URL). Keys start with 'video.'.
export default catalogue(
	{
		'video.where.placeholder':
			'Video – Platzhalter-Link {url}. Für diese Installation ist noch kein Videodienst eingerichtet; Ihr Regionalbüro schickt Ihnen den Zugang vor dem Termin.',
		'video.placeholderNote':
			'Dieser Link ist ein Platzhalter: Ein Videodienst ist noch nicht eingerichtet. Ihr Regionalbüro schickt Ihnen den Zugang vor dem Termin.',
		'video.placeholderStaffNote':
			'Platzhalter: Es ist kein Videodienst eingerichtet (VIDEO_BASE_URL). Bitte schicken Sie der Person den Zugang selbst.',
		'video.page.title': 'Videoraum (Platzhalter)',
		'video.page.lead':
			'Dieser Link ist ein Platzhalter. Für diese Installation von Kreativlotse ist noch kein Videodienst eingerichtet, deshalb gibt es hier keinen Videoraum.',
		'video.page.what':
			'Ihr Regionalbüro schickt Ihnen vor dem Termin den Zugang zum Videogespräch oder ruft Sie zur vereinbarten Zeit an. Die Kontaktdaten stehen in Ihrer Bestätigungsmail.',
		'video.page.finder': 'Kontaktdaten der Regionalbüros',
		'video.page.operators':
			'Für Betreiber: Mit der Einstellung VIDEO_BASE_URL (z. B. https://meet.example.org/kreativlotse) erhält jede Videoberatung einen eigenen Raum bei Ihrem Videodienst.'
	},
	{
		'video.where.placeholder':
			'Video – placeholder link {url}. No video service has been set up for this installation yet; your regional office will send you the access details before the appointment.',
		'video.placeholderNote':
			'This link is a placeholder: no video service has been set up yet. Your regional office will send you the access details before the appointment.',
		'video.placeholderStaffNote':
			'Placeholder: no video service is configured (VIDEO_BASE_URL). Please send the person the access details yourself.',
		'video.page.title': 'Video room (placeholder)',
		'video.page.lead':
			'This link is a placeholder. No video service has been set up for this installation of Kreativlotse yet, so there is no video room here.',
		'video.page.what':
			'Your regional office will send you the access details for the video call before the appointment, or call you at the agreed time. Their contact details are in your confirmation e-mail.',
		'video.page.finder': 'Contact details of the regional offices',
		'video.page.operators':
			'For operators: with the setting VIDEO_BASE_URL (e.g. https://meet.example.org/kreativlotse) every video consultation gets its own room at your video service.'
	}
);
