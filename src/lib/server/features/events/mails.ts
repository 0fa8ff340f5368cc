/** The e-mails of events, in Dutch. Pure functions: the caller queues them through the outbox. */
import { formatRange } from './time';

export interface EventMail {
	subject: string;
	text: string;
}

/** What every event mail says about the event. */
export interface MailEvent {
	title: string;
	startsAt: string;
	endsAt: string;
	locationKind: 'on_site' | 'online' | 'hybrid';
	venue: string;
	address: string;
	onlineUrl: string;
	url: string;
}

const signature = '\n\nMet vriendelijke groet,\nKennisnetwerk Regionale Economie';

/** When and where; the meeting link only for someone who has a place. */
export function whereAndWhen(event: MailEvent, withLink: boolean): string {
	const lines = [`Wanneer: ${formatRange(event.startsAt, event.endsAt)}`];
	if (event.locationKind !== 'online') {
		lines.push(`Waar: ${[event.venue, event.address].filter(Boolean).join(', ')}`);
	}
	if (event.locationKind !== 'on_site') {
		lines.push(
			withLink && event.onlineUrl
				? `Online: ${event.onlineUrl}`
				: 'Online: de link krijg je zodra je een plek hebt.'
		);
	}
	lines.push(`Meer informatie: ${event.url}`);
	return lines.join('\n');
}

const cancelLine = (cancelUrl: string) => `\n\nKun je toch niet? Meld je af via:\n${cancelUrl}`;

export function registeredMail(input: {
	name: string;
	event: MailEvent;
	cancelUrl: string;
	calendarUrl: string;
}): EventMail {
	return {
		subject: `Aanmelding bevestigd: ${input.event.title}`,
		text:
			`Beste ${input.name},\n\n` +
			`Je bent aangemeld voor ${input.event.title}.\n\n` +
			whereAndWhen(input.event, true) +
			`\n\nZet het in je agenda: ${input.calendarUrl}` +
			cancelLine(input.cancelUrl) +
			signature
	};
}

export function waitlistedMail(input: {
	name: string;
	event: MailEvent;
	position: number;
	cancelUrl: string;
}): EventMail {
	return {
		subject: `Wachtlijst: ${input.event.title}`,
		text:
			`Beste ${input.name},\n\n` +
			`${input.event.title} is vol. Je staat op de wachtlijst, op plaats ${input.position}. ` +
			'Komt er een plek vrij, dan krijg je die automatisch en sturen we je een e-mail.\n\n' +
			whereAndWhen(input.event, false) +
			cancelLine(input.cancelUrl) +
			signature
	};
}

export function promotedMail(input: {
	name: string;
	event: MailEvent;
	cancelUrl: string;
	calendarUrl: string;
}): EventMail {
	return {
		subject: `Er is een plek voor je vrijgekomen: ${input.event.title}`,
		text:
			`Beste ${input.name},\n\n` +
			`Goed nieuws: er is een plek vrijgekomen bij ${input.event.title} en die is voor jou. ` +
			'Je bent nu aangemeld.\n\n' +
			whereAndWhen(input.event, true) +
			`\n\nZet het in je agenda: ${input.calendarUrl}` +
			cancelLine(input.cancelUrl) +
			signature
	};
}

export function removedMail(input: { name: string; event: MailEvent }): EventMail {
	return {
		subject: `Afgemeld: ${input.event.title}`,
		text:
			`Beste ${input.name},\n\n` +
			`De organisatie heeft je aanmelding voor ${input.event.title} ingetrokken. Heb je vragen, ` +
			`neem dan contact op met de organisatie.\n\n${input.event.url}` +
			signature
	};
}

export function guestConfirmMail(input: {
	name: string;
	event: MailEvent;
	confirmUrl: string;
	cancelUrl: string;
}): EventMail {
	return {
		subject: `Bevestig je aanmelding: ${input.event.title}`,
		text:
			`Beste ${input.name},\n\n` +
			`Je hebt je aangemeld voor ${input.event.title}. Bevestig je aanmelding via deze link:\n` +
			`${input.confirmUrl}\n\n` +
			'Zonder bevestiging houden we geen plek voor je vast.\n\n' +
			whereAndWhen(input.event, false) +
			cancelLine(input.cancelUrl) +
			signature
	};
}

export function reminderMail(input: {
	name: string;
	event: MailEvent;
	kind: 'day' | 'hour';
	cancelUrl: string;
}): EventMail {
	const when = input.kind === 'day' ? 'morgen' : 'over een uur';
	return {
		subject: `Herinnering: ${input.event.title} begint ${when}`,
		text:
			`Beste ${input.name},\n\n` +
			`${input.event.title} begint ${when}. We zien je graag!\n\n` +
			whereAndWhen(input.event, true) +
			cancelLine(input.cancelUrl) +
			signature
	};
}

export function messageToRegistrantsMail(input: {
	name: string;
	event: MailEvent;
	subject: string;
	message: string;
	/** Only someone with a place gets the meeting link. */
	withLink: boolean;
	cancelUrl: string;
}): EventMail {
	return {
		subject: `${input.event.title}: ${input.subject}`,
		text:
			`Beste ${input.name},\n\n${input.message}\n\n` +
			whereAndWhen(input.event, input.withLink) +
			cancelLine(input.cancelUrl) +
			signature
	};
}
