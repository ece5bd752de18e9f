import { catalogue } from './define';

// Keys start with 'privacy.' (and the one close reason the erasure sets) so catalogues never collide.
export default catalogue(
	{
		'privacy.erasedPerson': 'Gelöschte Person',
		'privacy.dpo': 'Datenschutzbeauftragte oder Datenschutzbeauftragter: {contact}',
		'cases.close.reason.erased': 'Daten gelöscht (auf Wunsch der Person)'
	},
	{
		'privacy.erasedPerson': 'Erased person',
		'privacy.dpo': 'Data protection officer: {contact}',
		'cases.close.reason.erased': 'Data erased (at the person’s request)'
	}
);
