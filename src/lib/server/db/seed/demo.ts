import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { slugify } from '../../platform/slug';
import type { DB } from '../index';
import type { UserRole } from '../tables/users';

/**
 * The demo: people spread over the twelve provinces so that every page has something to show.
 * Fixed addresses and one shared password, so the README can tell a newcomer how to sign in.
 * Later capabilities add their demo content here.
 */

export const DEMO_PASSWORD = 'kennisnetwerk-demo-2026';
export const DEMO_ADMIN_EMAIL = 'beheerder@kennisnetwerk.example';
export const DEMO_DOMAIN = 'kennisnetwerk.example';

interface DemoPerson {
	name: string;
	province: string;
	organisation: string;
	jobTitle: string;
	fieldRole: string;
	themes: string[];
	role?: UserRole;
}

/** Three people per province, at a municipality, the province itself and a partner. */
const PEOPLE: DemoPerson[] = [
	p('Anke Veldman', 'NL-GR', 'Gemeente Groningen', 'Accountmanager bedrijven', [
		'Regionaal accountmanagement',
		'Innovatie en concurrentiekracht'
	]),
	p('Jelle Bakker', 'NL-GR', 'Provincie Groningen', 'EZ-beleidsmedewerker', [
		'Regionale samenwerking',
		'Financiering'
	]),
	p('Sanne Huizinga', 'NL-GR', 'Kamer van Koophandel (KVK)', 'Adviseur', [
		'Digitalisering',
		'Herstel na de coronacrisis'
	]),
	p('Tjitske de Vries', 'NL-FR', 'Gemeente Leeuwarden', 'Bedrijfscontactfunctionaris', [
		'Ondernemersecosysteem',
		'Human capital'
	]),
	p('Sjoerd Hoekstra', 'NL-FR', 'Provincie Fryslân', 'EZ-beleidsmedewerker', [
		'Verduurzaming',
		'Circulaire economie'
	]),
	p('Femke Dijkstra', 'NL-FR', 'MKB-Nederland', 'Projectleider MKB-Deal', [
		'Productiviteit',
		'Digitalisering'
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
	p('Ruud Kok', 'NL-OV', 'Gemeente Zwolle', 'Programmamanager', [
		'Regionale samenwerking',
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
	p('Yara Koster', 'NL-UT', 'Rijksdienst voor Ondernemend Nederland (RVO)', 'Adviseur', [
		'Financiering',
		'Internationalisering'
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
	p('Lieke Meijer', 'NL-ZE', 'MKB-Nederland', 'Adviseur', ['Productiviteit', 'Human capital']),
	p('Bas van den Heuvel', 'NL-NB', 'Gemeente Eindhoven', 'Programmamanager', [
		'Innovatie en concurrentiekracht',
		'Human capital'
	]),
	p('Noor Hermans', 'NL-NB', "Gemeente 's-Hertogenbosch", 'Accountmanager bedrijven', [
		'Regionaal accountmanagement',
		'Ondernemersecosysteem'
	]),
	p('Rik Claassen', 'NL-NB', 'Gemeente Oss', 'Bedrijfscontactfunctionaris', [
		'Regionale samenwerking',
		'Productiviteit'
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
	])
];

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

export function demoEmail(name: string): string {
	return `${slugify(name).replace(/-/g, '.')}@${DEMO_DOMAIN}`;
}

export interface DemoSummary {
	created: boolean;
	adminEmail: string;
	memberEmails: string[];
	password: string;
}

/** Seeds the demo once: when the demo admin already exists it leaves everything as it is. */
export async function seedDemo(db: DB): Promise<DemoSummary> {
	const summary = {
		adminEmail: DEMO_ADMIN_EMAIL,
		memberEmails: PEOPLE.map((person) => demoEmail(person.name)),
		password: DEMO_PASSWORD
	};
	const existing = await db
		.selectFrom('users')
		.select('id')
		.where('email', '=', DEMO_ADMIN_EMAIL)
		.executeTakeFirst();
	if (existing) return { created: false, ...summary };

	const hash = await hashPassword(DEMO_PASSWORD);
	const orgs = new Map(
		(await db.selectFrom('organisations').select(['id', 'name']).execute()).map((o) => [
			o.name,
			o.id
		])
	);
	const admin: DemoPerson = {
		name: 'Beheerder Kennisnetwerk',
		province: 'NL-UT',
		organisation: 'Platform31',
		jobTitle: 'Beheerder van het platform',
		fieldRole: 'Overig',
		themes: ['Regionale samenwerking'],
		role: 'admin'
	};

	await db.transaction().execute(async (trx) => {
		for (const person of [admin, ...PEOPLE]) {
			const id = randomUUID();
			const email = person.role === 'admin' ? DEMO_ADMIN_EMAIL : demoEmail(person.name);
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
	return { created: true, ...summary };
}
