import type { DB } from '../index';
import {
	DEMO_ADMIN_EMAIL,
	DEMO_COORDINATOR_EMAIL,
	DEMO_EDITOR_EMAIL,
	demoMemberEmail
} from './demo';

/**
 * The demo members' profiles: a short bio, what colleagues can ask them ("vraag me over") and
 * what they are looking for ("ik zoek"), written for their role and region, so that the
 * directory, the profiles and "Wie deed dit al?" show something real. A few show their e-mail
 * address, and "last active" is spread over the past days so the directory's "recently active"
 * order differs from the alphabet. Runs for every demo account whose profile is still empty:
 * a profile someone edited is never overwritten.
 */

interface DemoProfile {
	bio: string;
	askMeAbout: string;
	lookingFor: string;
	showEmail?: boolean;
}

const MEMBER_PROFILES: DemoProfile[] = [
	{
		// 1 Anke Veldman, Gemeente Groningen
		bio: 'Accountmanager bij de gemeente Groningen voor bedrijven op de Zernike Campus en in de binnenstad. Ik breng ondernemers in contact met kennisinstellingen en met elkaar.',
		askMeAbout:
			'regionaal accountmanagement, bedrijfsbezoeken voorbereiden, samenwerking met kennisinstellingen',
		lookingFor: 'een goed CRM-systeem voor accountmanagers, ervaringen met innovatievouchers',
		showEmail: true
	},
	{
		// 2 Jelle Bakker, Provincie Groningen
		bio: 'Beleidsmedewerker economie bij de provincie Groningen. Ik werk aan regionale fondsen en aan de samenwerking met de gemeenten in Groningen en Drenthe.',
		askMeAbout: 'regionale investeringsfondsen, afspraken tussen provincie en gemeenten',
		lookingFor: 'evaluaties van mkb-regelingen, een gezamenlijke regionale economische agenda'
	},
	{
		// 3 Tjitske de Vries, Gemeente Leeuwarden
		bio: 'Ik ben het eerste aanspreekpunt voor ondernemers in Leeuwarden. Veel vragen gaan over personeel: hoe vind je het en hoe houd je het vast?',
		askMeAbout: 'het ondernemersloket, personeel en arbeidsmarkt, samenwerking met het onderwijs',
		lookingFor:
			'aanpakken voor de krappe arbeidsmarkt, een digitaal ondernemersplatform voor de regio'
	},
	{
		// 4 Sjoerd Hoekstra, Provincie Fryslân
		bio: 'Bij de provincie Fryslân werk ik aan de circulaire economie: van reststromen in de zuivel tot hergebruik van materialen in de bouw.',
		askMeAbout:
			'circulaire ketens, reststromen uit de agrofood, verduurzaming van bedrijventerreinen',
		lookingFor: 'circulaire inkoop door overheden, financiering voor circulaire starters',
		showEmail: true
	},
	{
		// 5 Marloes Jansen, Gemeente Emmen
		bio: 'Accountmanager in Emmen, met veel maakbedrijven in mijn portefeuille. Ik zet me in voor een sterke band tussen bedrijven en het onderwijs in Zuidoost-Drenthe.',
		askMeAbout: 'regionaal accountmanagement, contact met maakbedrijven, leerwerktrajecten',
		lookingFor: 'ondernemers bereiken die nooit bij de gemeente aankloppen'
	},
	{
		// 6 Henk Bos, Gemeente Assen
		bio: 'Programmamanager economie in Assen. In de regio Groningen-Assen trek ik mee aan één herkenbaar aanspreekpunt voor ondernemers.',
		askMeAbout:
			'programmamanagement, afspraken tussen gemeenten in een regio, een regionaal loket opzetten',
		lookingFor:
			'monitoring van regionale programma’s, een ondernemersloket dat echt regionaal werkt'
	},
	{
		// 7 Ilse Mulder, Provincie Drenthe
		bio: 'Bij de provincie Drenthe zorg ik voor de regelingen die innovatie in het mkb op gang brengen.',
		askMeAbout: 'innovatievouchers, de MIT-regeling, financiering van innovatie',
		lookingFor: 'hoe gemeenten ondernemers doorverwijzen naar regelingen, revolverende fondsen'
	},
	{
		// 8 Lotte Smit, Gemeente Enschede
		bio: 'Accountmanager in Enschede, vlak bij de Duitse grens. Veel van mijn bedrijven doen zaken over de grens en worstelen met digitalisering.',
		askMeAbout:
			'grensoverschrijdend ondernemen met Duitsland, exportbegeleiding, digitale werkplaatsen',
		lookingFor: 'digitaliseringstrajecten voor kleine bedrijven, webshops voor de detailhandel',
		showEmail: true
	},
	{
		// 9 Wouter Brink, Provincie Overijssel
		bio: 'Beleidsmedewerker bij de provincie Overijssel, met de circulaire maakindustrie en verduurzaming van het mkb als thema’s.',
		askMeAbout: 'circulaire maakindustrie, energiebesparing bij bedrijven',
		lookingFor: 'circulaire businessmodellen die werken, verduurzaming samen met gemeenten'
	},
	{
		// 10 Esther Kramer, Gemeente Almere
		bio: 'In Almere help ik ondernemers op weg, van starters tot gevestigde bedrijven. Sinds de coronacrisis vooral ook ondernemers die het zwaar hebben.',
		askMeAbout: 'starters begeleiden, ondernemers met geldzorgen, doorverwijzen naar hulp',
		lookingFor:
			'vroegsignalering van schulden bij ondernemers, een netwerk van vrijwillige adviseurs'
	},
	{
		// 11 Bram Visser, Gemeente Lelystad
		bio: 'Accountmanager in Lelystad, met de logistiek en de bedrijventerreinen rond de luchthaven als aandachtsgebied.',
		askMeAbout: 'accountmanagement voor logistieke bedrijven, parkmanagement op bedrijventerreinen',
		lookingFor: 'productiviteitsprogramma’s voor het mkb, accountmanagement samen met buurgemeenten'
	},
	{
		// 12 Nadia El Amrani, Provincie Flevoland
		bio: 'Adviseur bij de provincie Flevoland op arbeidsmarkt en financiering. Ik verbind onderwijs, overheid en werkgevers.',
		askMeAbout: 'leven lang ontwikkelen, scholingsvouchers, regionale arbeidsmarktafspraken',
		lookingFor: 'financiering van omscholing in het mkb, regionale leerwerkakkoorden'
	},
	{
		// 13 Koen van Dam, Gemeente Nijmegen
		bio: 'Accountmanager in Nijmegen met een hart voor circulair ondernemen. Ik help bedrijven de stap naar hergebruik en reparatie te zetten.',
		askMeAbout:
			'circulair ondernemen in de praktijk, regionaal accountmanagement, bedrijfsbezoeken',
		lookingFor: 'circulaire inkoop door de gemeente, subsidies voor circulaire investeringen',
		showEmail: true
	},
	{
		// 14 Marieke Hendriks, Gemeente Arnhem
		bio: 'Programmamanager economie in Arnhem. Ik werk aan digitale vaardigheden in het mkb en aan talent dat in de regio blijft.',
		askMeAbout: 'digitale vaardigheden voor ondernemers, programma’s opzetten met het onderwijs',
		lookingFor: 'cybersecurity bij kleine bedrijven, jong talent behouden voor de regio'
	},
	{
		// 15 Daan Willems, Provincie Gelderland
		bio: 'Beleidsmedewerker bij de provincie Gelderland. Ik werk aan internationale kansen voor Gelderse maakbedrijven en aan innovatie in de regio Foodvalley.',
		askMeAbout:
			'innovatieregelingen van de provincie, internationale handelsmissies, de regio Foodvalley',
		lookingFor: 'exportbegeleiding voor het mkb, samenwerking met de Duitse grensregio’s'
	},
	{
		// 16 Eva Dekker, Gemeente Utrecht
		bio: 'Bedrijfscontactfunctionaris in Utrecht. Ik help winkeliers en kleine bedrijven met verduurzaming en met hun weg in de gemeente.',
		askMeAbout:
			'verduurzaming van winkels en horeca, energieadvies voor ondernemers, het ondernemersloket',
		lookingFor: 'collectieve inkoop van zonnepanelen, circulaire winkelstraten',
		showEmail: true
	},
	{
		// 17 Thijs Peters, Gemeente Amersfoort
		bio: 'Accountmanager in Amersfoort. Tijdens de coronacrisis zag ik hoe belangrijk een vast aanspreekpunt is; dat wil ik vasthouden.',
		askMeAbout: 'ondernemers door een crisis loodsen, accountmanagement in de regio Amersfoort',
		lookingFor: 'een gedeeld klantbeeld met buurgemeenten, accountmanagement voor zzp’ers'
	},
	{
		// 18 Sarah Cohen, Gemeente Amsterdam
		bio: 'Programmamanager in Amsterdam voor digitalisering van het mkb. Met hogescholen zet ik studenten in die ondernemers helpen digitaliseren.',
		askMeAbout:
			'digitaliseringsprogramma’s, samenwerking met hogescholen, studenten als digitale coaches',
		lookingFor: 'digitalisering buiten de Randstad, financiering van regionale programma’s'
	},
	{
		// 19 Pieter Schouten, Gemeente Haarlem
		bio: 'Accountmanager in Haarlem. Ik bouw aan een ondernemersnetwerk waarin bedrijven elkaar sneller vinden.',
		askMeAbout: 'ondernemersnetwerken opbouwen, accountmanagement in Zuid-Kennemerland',
		lookingFor: 'ondernemersfondsen, bedrijvenkringen die blijven bestaan'
	},
	{
		// 20 Fleur Verbeek, Provincie Noord-Holland
		bio: 'Beleidsmedewerker bij de provincie Noord-Holland, met de circulaire economie en de samenwerking in de metropoolregio als portefeuille.',
		askMeAbout: 'circulaire ketensamenwerking, afstemming in de metropoolregio',
		lookingFor: 'circulaire bedrijventerreinen, het mkb betrekken bij de circulaire transitie'
	},
	{
		// 21 Mohamed Yilmaz, Gemeente Rotterdam
		bio: 'Accountmanager in Rotterdam voor haven- en maakbedrijven. Personeel is hun grootste zorg, productiviteit hun grootste kans.',
		askMeAbout:
			'personeel voor technische bedrijven, productiviteit in de maakindustrie, leerwerkbedrijven',
		lookingFor: 'automatisering in kleine maakbedrijven, samenwerking met werkgeversservicepunten',
		showEmail: true
	},
	{
		// 22 Iris van Leeuwen, Gemeente Den Haag
		bio: 'In Den Haag help ik internationale ondernemers en startups hun weg te vinden.',
		askMeAbout:
			'internationale ondernemers in Nederland, het startup-ecosysteem, het ondernemersloket',
		lookingFor: 'een regionale starterscampus, exportkansen voor startups'
	},
	{
		// 23 Joost Vermeulen, Provincie Zuid-Holland
		bio: 'Beleidsmedewerker bij de provincie Zuid-Holland en betrokken bij de regionale community. Ik werk aan de transitiethema’s: circulair, digitaal en human capital.',
		askMeAbout:
			'het ondersteuningsecosysteem in Zuid-Holland, circulaire economie, de transitiethema’s',
		lookingFor: 'het effect van regionale programma’s meten'
	},
	{
		// 24 Annelies Boer, Provincie Zeeland
		bio: 'Bij de provincie Zeeland werk ik aan verduurzaming van de industrie en het mkb, samen met de Zeeuwse gemeenten.',
		askMeAbout:
			'verduurzaming van het mkb, samenwerken in een kleine provincie met dertien gemeenten',
		lookingFor: 'energieadvies voor bedrijven dat werkt, regionale energieloketten'
	},
	{
		// 25 Kees Verhage, KVK
		bio: 'Accountmanager bij de KVK in Zeeland. Ik help ondernemers met financieringsvragen en bij een doorstart.',
		askMeAbout: 'financiering, doorstart na een faillissement, ondernemers in zwaar weer',
		lookingFor: 'regionale fondsen voor ondernemers, contact met gemeentelijke accountmanagers',
		showEmail: true
	},
	{
		// 26 Bas van den Heuvel, Gemeente Eindhoven
		bio: 'Programmamanager in Eindhoven. Ik werk aan innovatie bij toeleveranciers in de Brainportregio en aan technisch talent.',
		askMeAbout: 'innovatie bij toeleveranciers, de Brainportregio, technisch talent aantrekken',
		lookingFor: 'innovatie bij bedrijven buiten de hightech, innovatievouchers'
	},
	{
		// 27 Noor Hermans, Gemeente 's-Hertogenbosch
		bio: 'Accountmanager in ’s-Hertogenbosch en betrokken bij de DOE-agenda van Noordoost-Brabant.',
		askMeAbout:
			'de DOE-agenda van Noordoost-Brabant, regionaal accountmanagement, bedrijfsbezoeken met wethouders',
		lookingFor: 'een regionale agenda levend houden, accountmanagement voor familiebedrijven'
	},
	{
		// 28 Maud Janssen, Gemeente Maastricht
		bio: 'Accountmanager in Maastricht, midden in de Euregio. Veel ondernemers hier werken over twee grenzen heen.',
		askMeAbout: 'ondernemen in de Euregio, grensarbeiders, regionaal accountmanagement',
		lookingFor:
			'exportbegeleiding voor kleine bedrijven, samenwerking met Belgische en Duitse gemeenten',
		showEmail: true
	},
	{
		// 29 Stijn Custers, Gemeente Venlo
		bio: 'Programmamanager in Venlo, met de circulaire economie en de logistiek als speerpunten.',
		askMeAbout:
			'circulaire economie in de logistiek, cradle to cradle, innovatieprojecten met bedrijven',
		lookingFor: 'financiering van circulaire pilots, samenwerking met kennisinstellingen'
	},
	{
		// 30 Vera Lemmens, Provincie Limburg
		bio: 'Beleidsmedewerker bij de provincie Limburg voor financiering en digitalisering van het mkb.',
		askMeAbout: 'regionale financieringsinstrumenten, digitaliseringsvouchers',
		lookingFor: 'ervaringen met digitale werkplaatsen, ondernemers bereiken met regelingen'
	},
	{
		// 31 Gerrit Wolters, Gemeente Deventer
		bio: 'Bedrijfscontactfunctionaris in Deventer. Ik ken de ondernemers op de bedrijventerreinen en help hen met vergunningen, personeel en verduurzaming.',
		askMeAbout: 'parkmanagement, bedrijventerreinen, ondernemers aan tafel krijgen',
		lookingFor: 'voorbeelden van slimme productie in kleine maakbedrijven'
	},
	{
		// 32 Femke Postma, Gemeente Apeldoorn
		bio: 'Accountmanager in Apeldoorn, met een portefeuille van logistieke en maakbedrijven die willen verduurzamen.',
		askMeAbout: 'energiescans voor bedrijven, accountplannen opstellen',
		lookingFor: 'hoe andere gemeenten netcongestie met ondernemers bespreken',
		showEmail: true
	},
	{
		// 33 Rik Claassen, Gemeente Tilburg
		bio: 'Beleidsmedewerker economie in Tilburg. Ik werk aan de aansluiting tussen onderwijs en arbeidsmarkt en aan innovatie in de logistiek.',
		askMeAbout: 'human capital-agenda’s, leven lang ontwikkelen in het mkb',
		lookingFor: 'regio’s die een gezamenlijk scholingsfonds met ondernemers hebben'
	},
	{
		// 34 Linda Maas, Gemeente Breda
		bio: 'Programmamanager circulaire economie in Breda. Ik verbind bedrijven die reststromen kunnen uitwisselen.',
		askMeAbout: 'circulaire ketens opzetten, samenwerking in West-Brabant',
		lookingFor: 'financiering voor circulaire pilots, ervaringen met grondstoffenpaspoorten'
	},
	{
		// 35 Hamza Ouali, Gemeente Leiden
		bio: 'Accountmanager bij de gemeente Leiden voor startups en scale-ups rond het Bio Science Park.',
		askMeAbout: 'startups begeleiden, digitalisering in het mkb, ecosysteemkaarten',
		lookingFor: 'manieren om doorgroeiende bedrijven in de regio te houden'
	},
	{
		// 36 Janneke Prins, Gemeente Dordrecht
		bio: 'Bedrijfscontactfunctionaris in Dordrecht voor de maritieme maakindustrie en de binnenstad.',
		askMeAbout: 'productiviteit in kleine maakbedrijven, vakmensen vinden en houden',
		lookingFor: 'werkvormen om ondernemers te laten leren van elkaar'
	},
	{
		// 37 Tom de Graaf, Gemeente Zaanstad
		bio: 'Accountmanager in Zaanstad voor de voedingsmiddelenindustrie en het mkb op de bedrijventerreinen langs de Zaan.',
		askMeAbout: 'circulaire voedselketens, financieringsroutes voor kleine bedrijven',
		lookingFor: 'een goede aanpak voor bedrijfsbezoeken met meerdere partners tegelijk'
	},
	{
		// 38 Sanne Evers, Gemeente Heerlen
		bio: 'Programmamanager in Heerlen. Ik werk aan de economische vernieuwing van Parkstad, over de grens met Duitsland heen.',
		askMeAbout: 'grensoverschrijdende samenwerking, herstelprogramma’s voor ondernemers',
		lookingFor: 'evaluaties van regionale herstelprogramma’s na de coronacrisis'
	},
	{
		// 39 Mark Timmermans, MKB-Nederland
		bio: 'Adviseur bij MKB-Nederland in het noorden. Ik vertaal wat ondernemers nodig hebben naar beleid van gemeenten en provincies.',
		askMeAbout: 'de stem van de ondernemer, MKB-Deals, financiering voor kleine bedrijven',
		lookingFor: 'gemeenten die samen met ondernemersverenigingen beleid maken',
		showEmail: true
	},
	{
		// 40 Ellen Schipper, Gemeente Leeuwarden
		bio: 'Accountmanager in Leeuwarden met de focus op verduurzaming van winkels, horeca en ambachtelijke bedrijven.',
		askMeAbout: 'verduurzaming in de binnenstad, subsidies voor energiebesparing',
		lookingFor: 'ervaringen met collectieve inkoop van zonnepanelen voor ondernemers'
	}
];

const OTHER_PROFILES: Record<string, DemoProfile> = {
	[DEMO_ADMIN_EMAIL]: {
		bio: 'Ik beheer het platform van het kennisnetwerk: accounts, netwerken en de techniek erachter. Loop je ergens tegenaan, laat het me weten.',
		askMeAbout: 'het gebruik van het platform, een netwerk opzetten, aanmelden en accounts',
		lookingFor: 'ideeën om het platform beter te maken, nieuwe thema’s voor het netwerk'
	},
	[DEMO_COORDINATOR_EMAIL]: {
		bio: 'Ik coördineer het netwerk van accountmanagers en de community in Regio Zwolle. Mijn drijfveer: ondernemers die sneller bij de juiste partij terechtkomen.',
		askMeAbout:
			'een community of practice trekken, bijeenkomsten organiseren, regionaal leiderschap',
		lookingFor: 'gastsprekers voor leerbijeenkomsten, werkvormen voor intervisie',
		showEmail: true
	},
	[DEMO_EDITOR_EMAIL]: {
		bio: 'Als adviseur bij RVO ken ik de landelijke regelingen voor ondernemers. Als redacteur van de kennisbank zorg ik dat goede praktijkvoorbeelden makkelijk te vinden zijn.',
		askMeAbout: 'landelijke subsidieregelingen, exportfinanciering, praktijkvoorbeelden schrijven',
		lookingFor: 'praktijkvoorbeelden uit de regio’s, evaluaties van regionale regelingen',
		showEmail: true
	}
};

/** Every demo account with its profile. */
export function demoProfiles(): { email: string; profile: DemoProfile }[] {
	return [
		...Object.entries(OTHER_PROFILES).map(([email, profile]) => ({ email, profile })),
		...MEMBER_PROFILES.map((profile, i) => ({ email: demoMemberEmail(i + 1), profile }))
	];
}

/** Fills the profiles of demo accounts that have none yet; the number filled. */
export async function seedDemoProfiles(db: DB, now = new Date()): Promise<number> {
	let filled = 0;
	await db.transaction().execute(async (trx) => {
		let i = 0;
		for (const { email, profile } of demoProfiles()) {
			i++;
			// Spread over the past week, in an order that is not the alphabet's.
			const hoursAgo = (i * 37) % 170;
			const result = await trx
				.updateTable('users')
				.set({
					bio: profile.bio,
					ask_me_about: profile.askMeAbout,
					looking_for: profile.lookingFor,
					show_email: profile.showEmail ?? false,
					last_active_at: new Date(now.getTime() - hoursAgo * 3_600_000).toISOString()
				})
				.where('email', '=', email)
				.where('is_demo', '=', true)
				.where('bio', 'is', null)
				.where('ask_me_about', 'is', null)
				.where('looking_for', 'is', null)
				.executeTakeFirst();
			filled += Number(result.numUpdatedRows);
		}
	});
	return filled;
}
