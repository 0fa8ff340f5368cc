/** The e-mails of network membership, in Dutch (the network's language). Pure functions. */

export interface NetworkMail {
	subject: string;
	text: string;
}

const signature = '\n\nMet vriendelijke groet,\nKennisnetwerk Regionale Economie';

const link = (origin: string, path: string) => new URL(path, origin).toString();

export function requestToCoordinatorMail(input: {
	coordinatorName: string;
	requesterName: string;
	networkName: string;
	message: string;
	manageUrl: string;
}): NetworkMail {
	return {
		subject: `Verzoek om lid te worden van ${input.networkName}`,
		text:
			`Beste ${input.coordinatorName},\n\n` +
			`${input.requesterName} wil graag lid worden van ${input.networkName}.` +
			(input.message ? ` Toelichting:\n\n${input.message}\n\n` : '\n\n') +
			`Je kunt het verzoek goedkeuren of afwijzen op:\n${input.manageUrl}` +
			signature
	};
}

export function requestDecidedMail(input: {
	name: string;
	networkName: string;
	approved: boolean;
	networkUrl: string;
}): NetworkMail {
	return input.approved
		? {
				subject: `Je bent lid van ${input.networkName}`,
				text:
					`Beste ${input.name},\n\n` +
					`Je verzoek is goedgekeurd: je bent nu lid van ${input.networkName}. Je kunt meedoen aan ` +
					`de discussies en ziet wie er nog meer bij zijn:\n${input.networkUrl}` +
					signature
			}
		: {
				subject: `Je verzoek voor ${input.networkName}`,
				text:
					`Beste ${input.name},\n\n` +
					`De coördinatoren van ${input.networkName} hebben je verzoek om lid te worden niet ` +
					'goedgekeurd. Heb je vragen, neem dan contact op met een van de coördinatoren.' +
					signature
			};
}

export function invitationMail(input: {
	inviterName: string;
	networkName: string;
	networkSummary: string;
	message: string;
	origin: string;
	token: string;
	days: number;
}): NetworkMail {
	return {
		subject: `Uitnodiging voor ${input.networkName}`,
		text:
			'Hallo,\n\n' +
			`${input.inviterName} nodigt je uit voor ${input.networkName} in het Kennisnetwerk ` +
			`Regionale Economie. ${input.networkSummary}\n\n` +
			(input.message ? `${input.inviterName} schrijft:\n\n${input.message}\n\n` : '') +
			`Neem de uitnodiging aan via deze link (${input.days} dagen geldig):\n` +
			`${link(input.origin, `/uitnodiging/${input.token}`)}\n\n` +
			'Heb je nog geen account, dan meld je je daar eerst aan met dit e-mailadres; je aanmelding ' +
			'is dan direct goedgekeurd zodra je je adres hebt bevestigd.' +
			signature
	};
}
