/** The e-mails a member receives when an admin changes their account, in Dutch. Pure functions. */
import type { UserRole } from '../../db/tables/users';

export interface AccountMail {
	subject: string;
	text: string;
}

const signature = '\n\nMet vriendelijke groet,\nKennisnetwerk Regionale Economie';

const ROLE_NAMES: Record<UserRole, string> = {
	member: 'lid',
	editor: 'redacteur',
	admin: 'beheerder'
};

const ROLE_MEANING: Record<UserRole, string> = {
	member:
		'Je kunt alles wat een lid kan: je profiel, de ledenlijst, kennis, discussies en bijeenkomsten.',
	editor:
		'Als redacteur kun je kennis van anderen bewerken, publiceren en uitlichten op de voorpagina.',
	admin:
		'Als beheerder keur je aanmeldingen goed en beheer je leden en instellingen. Bij je volgende ' +
		'bezoek vragen we je eerst tweestapsverificatie in te stellen, als je dat nog niet hebt gedaan.'
};

export function roleChangedMail(name: string, role: UserRole, origin: string): AccountMail {
	return {
		subject: `Je bent nu ${ROLE_NAMES[role]} van het Kennisnetwerk`,
		text:
			`Beste ${name},\n\n` +
			`Een beheerder heeft je rol in het Kennisnetwerk Regionale Economie gewijzigd: je bent nu ` +
			`${ROLE_NAMES[role]}. ${ROLE_MEANING[role]}\n\n` +
			`${new URL('/inloggen', origin).toString()}` +
			signature
	};
}

export function suspensionMail(name: string, reason: string): AccountMail {
	return {
		subject: 'Je account bij het Kennisnetwerk is geschorst',
		text:
			`Beste ${name},\n\n` +
			'Een beheerder heeft je account bij het Kennisnetwerk Regionale Economie geschorst. Je ' +
			'bent overal uitgelogd en kunt niet meer inloggen tot de schorsing wordt opgeheven. ' +
			'De reden:\n\n' +
			`${reason}\n\n` +
			'Wat je hebt bijgedragen blijft bewaard. Denk je dat dit niet klopt? Neem dan contact op ' +
			'met de beheerders van het kennisnetwerk.' +
			signature
	};
}

export function reinstatementMail(name: string, origin: string): AccountMail {
	return {
		subject: 'Je account bij het Kennisnetwerk is weer actief',
		text:
			`Beste ${name},\n\n` +
			'De schorsing van je account bij het Kennisnetwerk Regionale Economie is opgeheven. Je ' +
			'kunt weer inloggen met je e-mailadres en wachtwoord:\n' +
			`${new URL('/inloggen', origin).toString()}` +
			signature
	};
}
