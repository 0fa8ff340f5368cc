/** The membership e-mails, in Dutch (the network's language), as plain text. Pure functions. */

export interface MembershipMail {
	subject: string;
	text: string;
}

const signature = '\n\nMet vriendelijke groet,\nKennisnetwerk Regionale Economie';

/** `origin` is where the app is served, e.g. https://kennisnetwerk.example. */
function signInUrl(origin: string): string {
	return new URL('/inloggen', origin).toString();
}

export function approvalMail(name: string, origin: string): MembershipMail {
	return {
		subject: 'Welkom bij het Kennisnetwerk: je aanmelding is goedgekeurd',
		text:
			`Beste ${name},\n\n` +
			'Je aanmelding voor het Kennisnetwerk Regionale Economie is goedgekeurd. ' +
			'Je kunt nu inloggen met je e-mailadres en het wachtwoord dat je bij je aanmelding koos:\n' +
			`${signInUrl(origin)}\n\n` +
			'Vul na het inloggen je profiel aan, zodat collega’s in andere regio’s je kunnen vinden.' +
			signature
	};
}

export function rejectionMail(name: string, reason: string): MembershipMail {
	return {
		subject: 'Je aanmelding voor het Kennisnetwerk',
		text:
			`Beste ${name},\n\n` +
			'Bedankt voor je aanmelding voor het Kennisnetwerk Regionale Economie. ' +
			'We hebben besloten je aanmelding niet goed te keuren. De reden:\n\n' +
			`${reason}\n\n` +
			'Denk je dat dit niet klopt, of is er iets veranderd? Neem dan contact op met de ' +
			'beheerders van het kennisnetwerk.' +
			signature
	};
}

/**
 * Sent instead of a second account when someone applies with an address that already has one:
 * the page says the same in both cases, so only the owner of the mailbox learns which it was.
 */
export function existingAccountMail(origin: string): MembershipMail {
	return {
		subject: 'Je hebt al een account bij het Kennisnetwerk',
		text:
			'Hallo,\n\n' +
			'Iemand heeft zich zojuist bij het Kennisnetwerk Regionale Economie aangemeld met dit ' +
			'e-mailadres. Er bestaat al een account voor dit adres, dus we hebben geen nieuw account ' +
			'gemaakt.\n\n' +
			`Was jij dat? Log dan in met je bestaande account:\n${signInUrl(origin)}\n\n` +
			'Weet je je wachtwoord niet meer? Kies op die pagina "Wachtwoord vergeten". Heb je je ' +
			'e-mailadres nog niet bevestigd? Log dan in; we sturen je dan een nieuwe bevestigingslink.\n\n' +
			'Was jij het niet? Dan hoef je niets te doen.' +
			signature
	};
}
