/** The e-mails of programmes, in Dutch. Pure functions: the caller queues them. */

export interface ProgrammeMail {
	subject: string;
	text: string;
}

const signature = '\n\nMet vriendelijke groet,\nKennisnetwerk Regionale Economie';

interface MailInput {
	name: string;
	title: string;
	url: string;
}

export function enrolledMail(input: MailInput & { promoted: boolean }): ProgrammeMail {
	return {
		subject: `${input.promoted ? 'Er is plek voor je' : 'Je doet mee'}: ${input.title}`,
		text:
			`Beste ${input.name},\n\n` +
			(input.promoted
				? `Er is een plek vrijgekomen in de groep van ${input.title}. Die plek is nu van jou.\n\n`
				: `Je bent aangemeld voor de groep van ${input.title}.\n\n`) +
			'Je staat daarmee ingeschreven voor alle komende bijeenkomsten van het programma; ' +
			'voor elke bijeenkomst krijg je vooraf een herinnering. Het rooster, het materiaal en ' +
			`de verslagen vind je op de programmapagina:\n${input.url}` +
			signature
	};
}

export function waitlistedMail(input: MailInput & { position: number }): ProgrammeMail {
	return {
		subject: `Op de wachtlijst: ${input.title}`,
		text:
			`Beste ${input.name},\n\n` +
			`De groep van ${input.title} is vol. Je staat op plaats ${input.position} van de ` +
			'wachtlijst. Komt er een plek vrij, dan krijg je die vanzelf en laten we het je weten.\n\n' +
			`Programmapagina:\n${input.url}` +
			signature
	};
}

export function removedMail(input: MailInput): ProgrammeMail {
	return {
		subject: `Afgemeld: ${input.title}`,
		text:
			`Beste ${input.name},\n\n` +
			`De coördinator heeft je afgemeld voor de groep van ${input.title}. Je staat niet meer ` +
			'ingeschreven voor de komende bijeenkomsten. Denk je dat dit niet klopt, neem dan ' +
			`contact op met de coördinator via de programmapagina:\n${input.url}` +
			signature
	};
}
