import { randomBytes, randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { slugify } from '../../platform/slug';
import type { DB } from '../index';
import type { UserRole } from '../tables/users';

/**
 * The demo: people spread over the twelve provinces so that every page has something to show,
 * with fixed addresses (the README lists them) and one shared password: DEMO_PASSWORD when set,
 * otherwise a random one that the first start prints once. Later capabilities add their demo
 * content here.
 */

export const DEMO_ADMIN_EMAIL = 'demo-admin@example.org';
export const DEMO_COORDINATOR_EMAIL = 'demo-coordinator@example.org';
export const DEMO_EDITOR_EMAIL = 'demo-editor@example.org';
export const demoMemberEmail = (n: number) => `demo-member${n}@example.org`;
/** How many numbered demo members there are (`demo-member1` … `demo-member40`). */
export const DEMO_MEMBER_COUNT = 40;

interface DemoPerson {
	name: string;
	province: string;
	organisation: string;
	jobTitle: string;
	fieldRole: string;
	themes: string[];
	role?: UserRole;
}

/** Forty members, two to four per province, at municipalities, provinces and partners. */
const MEMBERS: DemoPerson[] = [
	p('Anke Veldman', 'NL-GR', 'Gemeente Groningen', 'Accountmanager bedrijven', [
		'Regionaal accountmanagement',
		'Innovatie en concurrentiekracht'
	]),
	p('Jelle Bakker', 'NL-GR', 'Provincie Groningen', 'EZ-beleidsmedewerker', [
		'Regionale samenwerking',
		'Financiering'
	]),
	p('Tjitske de Vries', 'NL-FR', 'Gemeente Leeuwarden', 'Bedrijfscontactfunctionaris', [
		'Ondernemersecosysteem',
		'Human capital'
	]),
	p('Sjoerd Hoekstra', 'NL-FR', 'Provincie Fryslân', 'EZ-beleidsmedewerker', [
		'Verduurzaming',
		'Circulaire economie'
	]),
	p('Marloes Jansen', 'NL-DR', 'Gemeente Emmen', 'Accountmanager bedrijven', [
		'Regionaal accountmanagement',
		'Human capital'
	]),
	p('Henk Bos', 'NL-DR', 'Gemeente Assen', 'Programmamanager', [
		'Regionale samenwerking',
		'Ondernemersecosysteem'
	]),
	p('Ilse Mulder', 'NL-DR', 'Provincie Drenthe', 'EZ-beleidsmedewerker', [
		'Financiering',
		'Innovatie en concurrentiekracht'
	]),
	p('Lotte Smit', 'NL-OV', 'Gemeente Enschede', 'Accountmanager bedrijven', [
		'Internationalisering',
		'Digitalisering'
	]),
	p('Wouter Brink', 'NL-OV', 'Provincie Overijssel', 'EZ-beleidsmedewerker', [
		'Circulaire economie',
		'Verduurzaming'
	]),
	p('Esther Kramer', 'NL-FL', 'Gemeente Almere', 'Bedrijfscontactfunctionaris', [
		'Ondernemersecosysteem',
		'Herstel na de coronacrisis'
	]),
	p('Bram Visser', 'NL-FL', 'Gemeente Lelystad', 'Accountmanager bedrijven', [
		'Regionaal accountmanagement',
		'Productiviteit'
	]),
	p('Nadia El Amrani', 'NL-FL', 'Provincie Flevoland', 'Adviseur', [
		'Human capital',
		'Financiering'
	]),
	p('Koen van Dam', 'NL-GE', 'Gemeente Nijmegen', 'Accountmanager bedrijven', [
		'Circulaire economie',
		'Regionaal accountmanagement'
	]),
	p('Marieke Hendriks', 'NL-GE', 'Gemeente Arnhem', 'Programmamanager', [
		'Digitalisering',
		'Human capital'
	]),
	p('Daan Willems', 'NL-GE', 'Provincie Gelderland', 'EZ-beleidsmedewerker', [
		'Internationalisering',
		'Innovatie en concurrentiekracht'
	]),
	p('Eva Dekker', 'NL-UT', 'Gemeente Utrecht', 'Bedrijfscontactfunctionaris', [
		'Verduurzaming',
		'Ondernemersecosysteem'
	]),
	p('Thijs Peters', 'NL-UT', 'Gemeente Amersfoort', 'Accountmanager bedrijven', [
		'Regionaal accountmanagement',
		'Herstel na de coronacrisis'
	]),
	p('Sarah Cohen', 'NL-NH', 'Gemeente Amsterdam', 'Programmamanager', [
		'Digitalisering',
		'Human capital'
	]),
	p('Pieter Schouten', 'NL-NH', 'Gemeente Haarlem', 'Accountmanager bedrijven', [
		'Ondernemersecosysteem',
		'Regionaal accountmanagement'
	]),
	p('Fleur Verbeek', 'NL-NH', 'Provincie Noord-Holland', 'EZ-beleidsmedewerker', [
		'Circulaire economie',
		'Regionale samenwerking'
	]),
	p('Mohamed Yilmaz', 'NL-ZH', 'Gemeente Rotterdam', 'Accountmanager bedrijven', [
		'Human capital',
		'Productiviteit'
	]),
	p('Iris van Leeuwen', 'NL-ZH', 'Gemeente Den Haag', 'Bedrijfscontactfunctionaris', [
		'Internationalisering',
		'Ondernemersecosysteem'
	]),
	p('Joost Vermeulen', 'NL-ZH', 'Provincie Zuid-Holland', 'EZ-beleidsmedewerker', [
		'Circulaire economie',
		'Digitalisering',
		'Human capital'
	]),
	p('Annelies Boer', 'NL-ZE', 'Provincie Zeeland', 'EZ-beleidsmedewerker', [
		'Verduurzaming',
		'Regionale samenwerking'
	]),
	p('Kees Verhage', 'NL-ZE', 'Kamer van Koophandel (KVK)', 'Accountmanager bedrijven', [
		'Herstel na de coronacrisis',
		'Financiering'
	]),
	p('Bas van den Heuvel', 'NL-NB', 'Gemeente Eindhoven', 'Programmamanager', [
		'Innovatie en concurrentiekracht',
		'Human capital'
	]),
	p('Noor Hermans', 'NL-NB', "Gemeente 's-Hertogenbosch", 'Accountmanager bedrijven', [
		'Regionaal accountmanagement',
		'Ondernemersecosysteem'
	]),
	p('Maud Janssen', 'NL-LI', 'Gemeente Maastricht', 'Accountmanager bedrijven', [
		'Internationalisering',
		'Regionaal accountmanagement'
	]),
	p('Stijn Custers', 'NL-LI', 'Gemeente Venlo', 'Programmamanager', [
		'Circulaire economie',
		'Innovatie en concurrentiekracht'
	]),
	p('Vera Lemmens', 'NL-LI', 'Provincie Limburg', 'EZ-beleidsmedewerker', [
		'Financiering',
		'Digitalisering'
	]),
	p('Gerrit Wolters', 'NL-OV', 'Gemeente Deventer', 'Bedrijfscontactfunctionaris', [
		'Ondernemersecosysteem',
		'Productiviteit'
	]),
	p('Femke Postma', 'NL-GE', 'Gemeente Apeldoorn', 'Accountmanager bedrijven', [
		'Regionaal accountmanagement',
		'Verduurzaming'
	]),
	p('Rik Claassen', 'NL-NB', 'Gemeente Tilburg', 'EZ-beleidsmedewerker', [
		'Human capital',
		'Innovatie en concurrentiekracht'
	]),
	p('Linda Maas', 'NL-NB', 'Gemeente Breda', 'Programmamanager', [
		'Circulaire economie',
		'Regionale samenwerking'
	]),
	p('Hamza Ouali', 'NL-ZH', 'Gemeente Leiden', 'Accountmanager bedrijven', [
		'Digitalisering',
		'Ondernemersecosysteem'
	]),
	p('Janneke Prins', 'NL-ZH', 'Gemeente Dordrecht', 'Bedrijfscontactfunctionaris', [
		'Productiviteit',
		'Human capital'
	]),
	p('Tom de Graaf', 'NL-NH', 'Gemeente Zaanstad', 'Accountmanager bedrijven', [
		'Circulaire economie',
		'Financiering'
	]),
	p('Sanne Evers', 'NL-LI', 'Gemeente Heerlen', 'Programmamanager', [
		'Herstel na de coronacrisis',
		'Regionale samenwerking'
	]),
	p('Mark Timmermans', 'NL-GR', 'MKB-Nederland', 'Adviseur', ['Financiering', 'Productiviteit']),
	p('Ellen Schipper', 'NL-FR', 'Gemeente Leeuwarden', 'Accountmanager bedrijven', [
		'Verduurzaming',
		'Regionaal accountmanagement'
	])
];

/** Coordinator of the first seeded network (seed/demo-networks.ts gives the role). */
const COORDINATOR: DemoPerson = p('Ruud Kok', 'NL-OV', 'Gemeente Zwolle', 'Programmamanager', [
	'Regionale samenwerking',
	'Innovatie en concurrentiekracht'
]);

const EDITOR: DemoPerson = {
	...p('Yara Koster', 'NL-UT', 'Rijksdienst voor Ondernemend Nederland (RVO)', 'Adviseur', [
		'Financiering',
		'Internationalisering'
	]),
	role: 'editor'
};

function p(
	name: string,
	province: string,
	organisation: string,
	fieldRole: string,
	themes: string[]
): DemoPerson {
	const jobTitle =
		fieldRole === 'EZ-beleidsmedewerker' ? 'Beleidsmedewerker economische zaken' : fieldRole;
	return { name, province, organisation, jobTitle, fieldRole, themes };
}

const ADMIN: DemoPerson = {
	name: 'Beheerder Kennisnetwerk',
	province: 'NL-UT',
	organisation: 'Platform31',
	jobTitle: 'Beheerder van het platform',
	fieldRole: 'Overig',
	themes: ['Regionale samenwerking'],
	role: 'admin'
};

/** Every demo account with its fixed address. */
export function demoAccounts(): { email: string; person: DemoPerson }[] {
	return [
		{ email: DEMO_ADMIN_EMAIL, person: ADMIN },
		{ email: DEMO_COORDINATOR_EMAIL, person: COORDINATOR },
		{ email: DEMO_EDITOR_EMAIL, person: EDITOR },
		...MEMBERS.map((person, i) => ({ email: demoMemberEmail(i + 1), person }))
	];
}

export interface DemoSummary {
	/** False when the demo was already there: nothing changed. */
	created: boolean;
	adminEmail: string;
	accounts: number;
	/** The password, only when this run chose or was given it; null on a later start. */
	password: string | null;
	/** True when the password was generated here and is printed this once. */
	generatedPassword: boolean;
}

/** Seeds the demo once: when the demo admin already exists it leaves everything as it is. */
export async function seedDemo(db: DB, options: { password?: string } = {}): Promise<DemoSummary> {
	const accounts = demoAccounts();
	const existing = await db
		.selectFrom('users')
		.select('id')
		.where('email', '=', DEMO_ADMIN_EMAIL)
		.executeTakeFirst();
	if (existing) {
		return {
			created: false,
			adminEmail: DEMO_ADMIN_EMAIL,
			accounts: accounts.length,
			password: options.password ?? null,
			generatedPassword: false
		};
	}

	const password = options.password || randomBytes(12).toString('base64url');
	const hash = await hashPassword(password);
	const orgs = new Map(
		(await db.selectFrom('organisations').select(['id', 'name']).execute()).map((o) => [
			o.name,
			o.id
		])
	);

	await db.transaction().execute(async (trx) => {
		for (const { email, person } of accounts) {
			const id = randomUUID();
			const organisationId = orgs.get(person.organisation);
			if (!organisationId) throw new Error(`Demo organisation missing: ${person.organisation}`);
			await trx
				.insertInto('users')
				.values({
					id,
					email,
					name: person.name,
					email_verified: true,
					role: person.role ?? 'member',
					status: 'active',
					job_title: person.jobTitle,
					organisation_id: organisationId,
					province_code: person.province,
					field_role_id: slugify(person.fieldRole),
					is_demo: true
				})
				.execute();
			await trx
				.insertInto('accounts')
				.values({
					id: randomUUID(),
					account_id: id,
					provider_id: 'credential',
					user_id: id,
					password: hash
				})
				.execute();
			for (const theme of person.themes) {
				await trx
					.insertInto('user_themes')
					.values({ user_id: id, theme_id: slugify(theme) })
					.execute();
			}
		}
	});
	return {
		created: true,
		adminEmail: DEMO_ADMIN_EMAIL,
		accounts: accounts.length,
		password,
		generatedPassword: !options.password
	};
}
