/** The account e-mails, in Dutch (the network's language), as plain text. Pure functions. */

export interface Mail {
	subject: string;
	text: string;
}

const signature = '\n\nMet vriendelijke groet,\nKennisnetwerk Regionale Economie';

export function verificationMail(name: string, url: string): Mail {
	return {
		subject: 'Bevestig je e-mailadres voor het Kennisnetwerk',
		text:
			`Beste ${name},\n\n` +
			`Bevestig je e-mailadres met deze link:\n${url}\n\n` +
			'De link werkt 24 uur. Heb je je niet aangemeld? Dan kun je dit bericht negeren.' +
			signature
	};
}

export function passwordResetMail(name: string, url: string): Mail {
	return {
		subject: 'Nieuw wachtwoord voor het Kennisnetwerk',
		text:
			`Beste ${name},\n\n` +
			`Kies een nieuw wachtwoord met deze link:\n${url}\n\n` +
			'De link werkt één uur. Heb je dit niet gevraagd? Dan blijft je wachtwoord zoals het is.' +
			signature
	};
}
