import { catalogue } from './define';

// Keys start with 'mail.' so catalogues never collide.
export default catalogue(
	{
		'mail.footer':
			'Kreativlotse – Orientierungsberatung für die Kultur- und Kreativwirtschaft.\nDiese Nachricht wurde automatisch versandt.'
	},
	{
		'mail.footer':
			'Kreativlotse – orientation advice for the cultural and creative industries.\nThis message was sent automatically.'
	}
);
