/** The e-mails after a session, in Dutch. Pure functions: the caller queues them. */

export interface FollowupMail {
	subject: string;
	text: string;
}

const signature = '\n\nMet vriendelijke groet,\nKennisnetwerk Regionale Economie';

export function materialsMail(input: { name: string; title: string; url: string }): FollowupMail {
	return {
		subject: `Materiaal beschikbaar: ${input.title}`,
		text:
			`Beste ${input.name},\n\n` +
			`Het materiaal van ${input.title} (bestanden, presentatie of opname) staat klaar. ` +
			`Je vindt het op de pagina van de bijeenkomst:\n${input.url}\n\n` +
			'Daar kun je ook laten weten hoe je de bijeenkomst vond.' +
			signature
	};
}

export function reportMail(input: { name: string; title: string; url: string }): FollowupMail {
	return {
		subject: `Verslag verschenen: ${input.title}`,
		text:
			`Beste ${input.name},\n\n` +
			`Het verslag van ${input.title} staat in de kennisbank. ` +
			`Je vindt het via de pagina van de bijeenkomst:\n${input.url}` +
			signature
	};
}
