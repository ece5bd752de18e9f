import { catalogue } from './define';

// Issue 13, part 5: free texts that would store a social insurance number, an IBAN, a tax ID or
// an Art. 9 word warn first; nothing is stored until the person chooses. And the office's word list.
export default catalogue(
	{
		'freeText.kind.social_insurance': 'eine Sozialversicherungsnummer',
		'freeText.kind.iban': 'eine IBAN (Kontonummer)',
		'freeText.kind.tax_id': 'eine Steuer-Identifikationsnummer',
		'freeText.kind.health_keyword':
			'Angaben zu Gesundheit, Religion oder einem anderen besonders geschützten Lebensbereich',
		'freeText.error.field': 'Dieser Text enthält {kinds}. Noch ist nichts gespeichert.',
		'freeText.confirm.title': 'Bitte prüfen Sie Ihren Text, bevor wir ihn speichern',
		'freeText.confirm.why':
			'Ihr Text enthält {kinds}. Für unsere Beratung brauchen wir solche Angaben nicht, und einmal gespeichert lesen sie alle, die Ihre Anfrage bearbeiten. Noch ist nichts gespeichert.',
		'freeText.confirm.whyStaff':
			'Der Text enthält {kinds}. Solche Angaben (Art. 9 DSGVO, Kennnummern) gehören nur in die Akte, wenn die Beratung sie wirklich braucht. Noch ist nichts gespeichert.',
		'freeText.confirm.choose': 'Sie können den Text ändern oder ihn bewusst so speichern.',
		'freeText.confirm.edit': 'Text ändern',
		'freeText.confirm.save': 'Trotzdem speichern',
		'freeText.keywords.link': 'Geschützte Begriffe in Freitexten',
		'freeText.keywords.title': 'Geschützte Begriffe – {office}',
		'freeText.keywords.lead':
			'Enthält ein Anliegen, eine Notiz, eine Nachricht oder eine Rückmeldung eines dieser Wörter, weisen wir vor dem Speichern darauf hin (Gesundheit, Religion und andere besondere Kategorien nach Art. 9 DSGVO). Sozialversicherungsnummern, IBAN und Steuer-IDs erkennen wir immer. Ein * am Ende findet auch längere Wörter: „Depressi*“ findet „depressiv“.',
		'freeText.keywords.count': 'Die Liste enthält {count} Begriffe.',
		'freeText.keywords.none': 'Die Liste ist leer: Es wird nur noch auf Kennnummern hingewiesen.',
		'freeText.keywords.word': 'Begriff',
		'freeText.keywords.add': 'Begriff hinzufügen',
		'freeText.keywords.remove': '„{word}“ entfernen',
		'freeText.keywords.added': 'Der Begriff ist hinzugefügt.',
		'freeText.keywords.removed': 'Der Begriff ist entfernt.',
		'freeText.keywords.readOnly': 'Nur die Büroleitung kann die Liste ändern.',
		'freeText.keywords.error.invalid':
			'Bitte geben Sie ein Wort mit 2 bis 60 Zeichen ein (Buchstaben, Ziffern, Bindestrich, Leerzeichen; ein * nur am Ende).',
		'freeText.keywords.error.duplicate': 'Dieser Begriff steht schon auf der Liste.'
	},
	{
		'freeText.kind.social_insurance': 'a social insurance number',
		'freeText.kind.iban': 'an IBAN (bank account number)',
		'freeText.kind.tax_id': 'a tax identification number',
		'freeText.kind.health_keyword':
			'details about health, religion or another specially protected area of life',
		'freeText.error.field': 'This text contains {kinds}. Nothing has been saved yet.',
		'freeText.confirm.title': 'Please check your text before we save it',
		'freeText.confirm.why':
			'Your text contains {kinds}. We do not need such details for our advice, and once saved, everyone who handles your request can read them. Nothing has been saved yet.',
		'freeText.confirm.whyStaff':
			'The text contains {kinds}. Such details (Art. 9 GDPR, identification numbers) belong in the file only if the advice really needs them. Nothing has been saved yet.',
		'freeText.confirm.choose': 'You can change the text or save it as it is on purpose.',
		'freeText.confirm.edit': 'Change text',
		'freeText.confirm.save': 'Save anyway',
		'freeText.keywords.link': 'Protected terms in free texts',
		'freeText.keywords.title': 'Protected terms – {office}',
		'freeText.keywords.lead':
			'When a request, a note, a message or a check-in answer contains one of these words, we point it out before saving (health, religion and other special categories under Art. 9 GDPR). Social insurance numbers, IBANs and tax IDs are always recognised. A * at the end also finds longer words: “Depressi*” finds “depressiv”.',
		'freeText.keywords.count': 'The list holds {count} terms.',
		'freeText.keywords.none': 'The list is empty: only identification numbers are pointed out.',
		'freeText.keywords.word': 'Term',
		'freeText.keywords.add': 'Add term',
		'freeText.keywords.remove': 'Remove “{word}”',
		'freeText.keywords.added': 'The term has been added.',
		'freeText.keywords.removed': 'The term has been removed.',
		'freeText.keywords.readOnly': 'Only the office lead can change the list.',
		'freeText.keywords.error.invalid':
			'Please enter a word of 2 to 60 characters (letters, digits, hyphen, spaces; a * only at the end).',
		'freeText.keywords.error.duplicate': 'This term is already on the list.'
	}
);
