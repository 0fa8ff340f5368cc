/**
 * The e-mails of contact and messages, in Dutch. Pure functions. They never hold what members
 * wrote to each other: the outbox is readable by admins (/beheer/mail), and a private message
 * belongs on the site, behind the member's sign-in.
 */

export interface ContactMail {
	subject: string;
	text: string;
}

const signature = '\n\nMet vriendelijke groet,\nKennisnetwerk Regionale Economie';

const footer =
	'\n\nJe krijgt deze e-mail omdat je lid bent van het Kennisnetwerk Regionale Economie.';

export function contactRequestMail(input: {
	recipientName: string;
	senderName: string;
	senderOrganisation: string | null;
	origin: string;
}): ContactMail {
	const who = input.senderOrganisation
		? `${input.senderName} (${input.senderOrganisation})`
		: input.senderName;
	return {
		subject: `${input.senderName} wil contact met je`,
		text:
			`Beste ${input.recipientName},\n\n` +
			`${who} wil via het Kennisnetwerk met je in contact komen en heeft je een bericht ` +
			'gestuurd. Lees het en laat weten of je het verzoek accepteert:\n' +
			`${new URL('/berichten', input.origin).toString()}\n\n` +
			'Accepteer je het verzoek, dan kunnen jullie elkaar daarna berichten sturen.' +
			signature +
			footer
	};
}

export function requestAcceptedMail(input: {
	recipientName: string;
	accepterName: string;
	conversationId: string;
	origin: string;
}): ContactMail {
	return {
		subject: `${input.accepterName} heeft je contactverzoek geaccepteerd`,
		text:
			`Beste ${input.recipientName},\n\n` +
			`${input.accepterName} heeft je contactverzoek geaccepteerd. Jullie gesprek staat klaar:\n` +
			`${new URL(`/berichten/${input.conversationId}`, input.origin).toString()}` +
			signature +
			footer
	};
}

/**
 * About new messages in one conversation. Sent once until the recipient has looked at the
 * conversation again, however many messages arrive meanwhile: the text says "nieuwe berichten".
 */
export function newMessageMail(input: {
	recipientName: string;
	senderName: string;
	conversationId: string;
	origin: string;
}): ContactMail {
	return {
		subject: `Nieuw bericht van ${input.senderName}`,
		text:
			`Beste ${input.recipientName},\n\n` +
			`${input.senderName} heeft je een bericht gestuurd via het Kennisnetwerk. Lees het en ` +
			'antwoord op de site:\n' +
			`${new URL(`/berichten/${input.conversationId}`, input.origin).toString()}\n\n` +
			'Komen er meer berichten in dit gesprek voordat je het hebt gelezen, dan sturen we je ' +
			'daarover geen nieuwe e-mail.' +
			signature +
			footer
	};
}
