import { randomUUID } from 'node:crypto';
import { renderMarkdown } from '../../platform/markdown';
import { slugify } from '../../platform/slug';
import type { DB } from '../index';
import { DEMO_PRIVATE_NETWORK } from './demo-networks';

/**
 * The demo's discussions: every network gets a few threads with replies, among them a question
 * with an accepted answer, written by the network's own members (the private coordinators' room
 * too). Runs once: nothing happens when any thread exists.
 */

interface DemoThread {
	kind: 'discussion' | 'question';
	title: string;
	body: string;
	replies: string[];
	/** Index of the accepted reply (questions). */
	answer?: number;
	pinned?: boolean;
	locked?: boolean;
	/** How many days ago it started. */
	daysAgo: number;
}

const THREADS: Record<string, DemoThread[]> = {
	'EZ-medewerkers van provincies': [
		{
			kind: 'discussion',
			title: 'Welkom: zo gebruiken we dit netwerk',
			pinned: true,
			daysAgo: 40,
			body:
				'Fijn dat je er bent! Dit is de plek om als provinciale beleidsmaker economie vragen te stellen aan collega’s in andere provincies.\n\n' +
				'Een paar afspraken:\n\n' +
				'- Kies een duidelijke titel, zodat anderen je vraag later terugvinden.\n' +
				'- Markeer bij een vraag de reactie die je verder hielp als **antwoord**.\n' +
				'- Deel stukken zonder vertrouwelijke informatie over individuele ondernemers.',
			replies: [
				'Goed initiatief. Ik zet hier binnenkort onze evaluatie van de innovatievouchers neer.'
			]
		},
		{
			kind: 'question',
			title: 'Hoe meten jullie het effect van mkb-regelingen?',
			daysAgo: 12,
			body:
				'Wij evalueren dit jaar onze regelingen voor het mkb. Tellen jullie vooral het aantal ondersteunde bedrijven, of kijken jullie ook naar omzet, werkgelegenheid of productiviteit een paar jaar later?\n\n' +
				'Ik ben benieuwd welke indicatoren in de praktijk werkbaar zijn zonder ondernemers te overladen met vragenlijsten.',
			answer: 1,
			replies: [
				'Wij vragen bij de aanvraag toestemming om later CBS-microdata te koppelen. Dan hoeft de ondernemer niets extra’s in te vullen en kun je na twee of drie jaar vergelijken met een controlegroep.',
				'Aanvulling: begin met een eenvoudige veranderingstheorie per regeling. Daaruit volgen vanzelf twee of drie indicatoren die ertoe doen. Voor onze vouchers zijn dat: nieuwe producten op de markt, samenwerking met een kennisinstelling en groei van de omzet na drie jaar.',
				'Dank, dit helpt. We gaan de koppeling met microdata voorleggen aan onze privacyfunctionaris.'
			]
		},
		{
			kind: 'discussion',
			title: 'Samenwerken met de regionale ontwikkelingsmaatschappij',
			daysAgo: 5,
			body: 'In onze provincie doen zowel de provincie als de ROM aan bedrijfsbezoeken. Ondernemers zien soms twee mensen langskomen met bijna dezelfde vraag. Hoe hebben jullie de rolverdeling afgesproken?',
			replies: [
				'Wij hebben één gezamenlijk relatiebeheersysteem met de ROM. Wie een bedrijf bezoekt, legt dat vast; zo zie je dat een collega er vorige maand al was.',
				'Bij ons pakt de ROM de snelgroeiers en de provincie de brede groep mkb’ers. Dat werkt, zolang je elkaar maandelijks bijpraat.'
			]
		}
	],
	'MKB-Deals': [
		{
			kind: 'question',
			title: 'Hoe houd je ondernemers betrokken na de startbijeenkomst?',
			daysAgo: 20,
			body: 'Onze MKB-Deal ging goed van start: veertig ondernemers bij de kick-off. Na drie maanden komen er nog maar tien naar de werkplaatsen. Wat doen jullie om de groep vast te houden?',
			answer: 0,
			replies: [
				'Wat bij ons werkte: kleine groepen van zes tot acht bedrijven uit dezelfde sector, met een vaste begeleider. Ondernemers komen voor elkaar, niet voor het programma.',
				'Plan de bijeenkomsten op het bedrijf van een van de deelnemers. Een rondleiding op de werkvloer trekt altijd meer mensen dan een zaaltje in het gemeentehuis.',
				'Dank voor de tips! De volgende werkplaats houden we bij een van de deelnemers, met een rondleiding vooraf.'
			]
		},
		{
			kind: 'discussion',
			title: 'Digitalisering in de maakindustrie: ervaringen met digitale werkplaatsen',
			daysAgo: 9,
			body: 'Wij onderzoeken of een digitale werkplaats met studenten van het mbo en hbo past in onze deal. Wie heeft ervaring met zo’n opzet, en hoe regel je de begeleiding van de studenten?',
			replies: [
				'We draaien er nu een jaar mee. De studenten werken in duo’s bij een bedrijf aan een concrete vraag, zoals een webshop of het koppelen van machines. Een docent en een ondernemer begeleiden samen.',
				'Let op de planning: de schoolperiodes lopen niet gelijk met het ritme van bedrijven. Wij hebben daarom twee instroommomenten per jaar.'
			]
		},
		{
			kind: 'discussion',
			title: 'Tussenrapportage aan het Rijk: wie heeft een handig format?',
			daysAgo: 2,
			body: 'De tussenrapportage voor onze deal komt eraan. Heeft iemand een overzichtelijk format waarin activiteiten, bereik en eerste resultaten samen op twee pagina’s passen?',
			replies: [
				'Ik deel graag ons format. Het werkt met een tabel per actielijn en een halve pagina met lessen. Stuur me even een bericht.'
			]
		}
	],
	'Accountmanagers en bedrijfscontactfunctionarissen': [
		{
			kind: 'question',
			title: 'Doorverwijzen zonder dat de ondernemer van het kastje naar de muur gaat',
			daysAgo: 15,
			body:
				'Een ondernemer belde met een vraag over verduurzaming van zijn pand, personeel én financiering. Ik heb hem naar drie loketten verwezen en kreeg later te horen dat hij het had opgegeven.\n\n' +
				'Hoe zorgen jullie dat een doorverwijzing ook echt aankomt?',
			answer: 0,
			replies: [
				'Wij doen een **warme overdracht**: je belt samen met de ondernemer de collega van de andere organisatie, of je stuurt een mail met de ondernemer in de cc en een korte samenvatting van de vraag. Na twee weken bel je na hoe het ging.',
				'Daarnaast helpt een gedeelde sociale kaart van de regio: wie doet wat, met naam en telefoonnummer. Wij houden die samen met KVK en het Ondernemersplein actueel.',
				'Goed punt over het nabellen. Dat laten wij er in drukke weken nog wel eens bij zitten.'
			]
		},
		{
			kind: 'discussion',
			title: 'Bedrijfsbezoeken voorbereiden in tien minuten',
			daysAgo: 7,
			body: 'Wat kijken jullie na voordat je bij een ondernemer langsgaat? Ik gebruik nu het KVK-uittreksel, de website en eerdere notities, maar mis vaak de actuele vragen die spelen.',
			replies: [
				'Ik vraag vooraf per mail: wat wilt u dat ik na afloop van het gesprek voor u heb gedaan? Dat ene zinnetje maakt het gesprek veel gerichter.',
				'Bekijk ook even de vacatures van het bedrijf. Daar zie je vaak aan waar ze groeien of juist vastlopen.'
			]
		},
		{
			kind: 'discussion',
			title: 'Regionaal accountmanagement: één aanspreekpunt per bedrijf?',
			daysAgo: 1,
			body: 'In onze regio praten we over één vast aanspreekpunt per groter mkb-bedrijf, ongeacht of het bedrijf met de gemeente, de provincie of de ROM te maken heeft. Zijn er regio’s die dit al doen?',
			replies: [
				'In de regio Groningen-Assen werken we hier aan. Het lastigste is niet de techniek maar het loslaten van ‘eigen’ bedrijven.'
			]
		}
	],
	'Regio Groningen-Assen': [
		{
			kind: 'question',
			title: 'Welke afspraken staan in jullie convenant accountmanagement?',
			daysAgo: 18,
			body: 'We stellen een convenant op tussen de gemeenten, de provincies en de partners in de regio. Welke afspraken mogen daar volgens jullie niet in ontbreken?',
			answer: 1,
			replies: [
				'Leg in elk geval vast hoe snel je op een vraag van een ondernemer reageert. Wij hebben twee werkdagen afgesproken.',
				'Drie dingen: wie het eerste aanspreekpunt is, hoe je gegevens over bedrijven mag delen (met toestemming van de ondernemer) en hoe vaak je samen evalueert. Zonder dat laatste verwatert het na een jaar.',
				'We nemen deze punten mee in de volgende versie. Dank jullie wel!'
			]
		},
		{
			kind: 'discussion',
			title: 'Verslag van de bijeenkomst in Assen',
			daysAgo: 6,
			body:
				'Vorige week kwamen we met vijftien accountmanagers bij elkaar. De belangrijkste opbrengst: we gaan werken met één gezamenlijke agenda voor bedrijfsbezoeken, zodat we elkaar niet meer voor de voeten lopen.\n\n' +
				'De presentaties staan in de bibliotheek.',
			replies: [
				'Mooi verslag. Kunnen we de agenda ook openstellen voor de collega’s van het UWV? Zij bezoeken vaak dezelfde bedrijven.',
				'Goed idee, ik neem het mee naar het kernteam.'
			]
		}
	],
	'Noordoost-Brabant': [
		{
			kind: 'question',
			title: 'Hoe kies je de acties voor de DOE-agenda?',
			daysAgo: 14,
			body: 'We hebben na de ondernemerssessies ruim dertig ideeën. Hoe brengen jullie dat terug tot een handvol acties met een trekker?',
			answer: 0,
			replies: [
				'Wij scoorden elk idee op twee vragen: hoeveel ondernemers hebben er baat bij, en is er iemand die er morgen mee aan de slag wil? Zonder trekker geen actie.',
				'Houd ook een ‘parkeerlijst’ bij. Ondernemers willen zien dat hun idee niet is verdwenen, ook al komt het pas later aan bod.'
			]
		},
		{
			kind: 'discussion',
			title: 'Samenwerking met het onderwijs in de regio',
			daysAgo: 4,
			body: 'Een van de acties op onze agenda is een vast overleg tussen werkgevers en de mbo-scholen over techniekopleidingen. Wie heeft tips voor de eerste bijeenkomst?',
			replies: [
				'Begin bij een concreet probleem, zoals stageplekken die niet worden ingevuld. Een abstract gesprek over de ‘aansluiting onderwijs–arbeidsmarkt’ levert weinig op.'
			]
		}
	],
	'Regio Zwolle': [
		{
			kind: 'discussion',
			title: 'Wie neemt het voortouw in de regio?',
			pinned: true,
			daysAgo: 25,
			body:
				'Een terugkerende vraag in onze community: wie trekt de regionale ondersteuning van ondernemers? Is dat de centrumgemeente, de provincie of een onafhankelijke regisseur?\n\n' +
				'Graag jullie ervaringen, ook als het niet goed ging.',
			replies: [
				'Bij ons werkte een onafhankelijke kwartiermaker goed in de opstartfase. Daarna nam de regiodeal de rol over.',
				'Wat mij opvalt: het maakt minder uit wie trekt dan dat de rol is vastgelegd én wordt gesteund door de bestuurders. @Ruud Kok, hoe kijk jij daar als coördinator naar?'
			]
		},
		{
			kind: 'question',
			title: 'Welke kennis missen we nog in de regio?',
			daysAgo: 10,
			body: 'Voor ons kennisprogramma inventariseren we welke vragen ondernemers stellen waar we nu geen goed antwoord op hebben. Welke onderwerpen komen jullie het vaakst tegen?',
			answer: 1,
			replies: [
				'Bij mij vooral: hoe vind ik personeel met technische kennis, en hoe begin ik met automatisering zonder grote investering.',
				'Uit onze gesprekken komen drie thema’s: opvolging in familiebedrijven, netcongestie bij uitbreiding en de vraag hoe je als klein bedrijf verduurzaamt met weinig tijd. Voor netcongestie is er nu nergens één aanspreekpunt.',
				'Netcongestie herken ik. Misschien een goed onderwerp voor een leersessie met de netbeheerder?'
			]
		},
		{
			kind: 'discussion',
			title: 'Oude planning voor de excursie van het voorjaar',
			locked: true,
			daysAgo: 30,
			body: 'Deze draad gebruikten we voor de planning van de excursie van dit voorjaar. De excursie is geweest; het verslag staat in de bibliotheek.',
			replies: ['Dank aan iedereen die meehielp. Ik sluit deze discussie.']
		}
	],
	'Zuid-Holland': [
		{
			kind: 'question',
			title: 'Circulaire economie: hoe vind je ondernemers die willen starten?',
			daysAgo: 16,
			body: 'We willen een groep mkb-bedrijven begeleiden naar circulaire bedrijfsvoering. Via nieuwsbrieven bereiken we vooral de bedrijven die al bezig zijn. Hoe vinden jullie de ondernemers die nog moeten beginnen?',
			answer: 0,
			replies: [
				'Via de branche. Wij benaderden samen met de brancheorganisatie alle installatiebedrijven in de regio met één concrete vraag: wat doet u met uw restmateriaal? Dat leverde meer gesprekken op dan een algemene oproep.',
				'Accountmanagers zijn de beste ingang. Zij horen tijdens bedrijfsbezoeken wanneer een bedrijf gaat verbouwen of investeren. Dat is het moment.'
			]
		},
		{
			kind: 'discussion',
			title: 'Human capital: samen opleiden in de techniek',
			daysAgo: 8,
			body: 'Een aantal kleine technische bedrijven wil samen leerlingen opleiden, omdat ze dat alleen niet rond krijgen. Kennen jullie voorbeelden van zo’n leerwerkbedrijf?',
			replies: [
				'In Rotterdam bestaat zo’n constructie in de procesindustrie. De leerlingen rouleren langs de bedrijven en een opleidingsbedrijf regelt de begeleiding.',
				'Kijk ook naar de regelingen voor leren en ontwikkelen in het mkb; daar passen gezamenlijke leerwerkplekken vaak in.'
			]
		}
	],
	[DEMO_PRIVATE_NETWORK.name]: [
		{
			kind: 'question',
			title: 'Gastspreker voor de najaarsbijeenkomst',
			daysAgo: 11,
			body: 'Voor de najaarsbijeenkomst zoeken we een spreker over de rol van gemeenten bij netcongestie. Heeft iemand een naam of een goed contact bij een netbeheerder?',
			answer: 0,
			replies: [
				'Ik heb goede ervaringen met de regiomanager van onze netbeheerder. Ik vraag of ze beschikbaar is en koppel het terug.',
				'Zet ook een ondernemer op het programma die tegen netcongestie aanliep. Dat maakt het verhaal concreet.'
			]
		},
		{
			kind: 'discussion',
			title: 'Planning van de bijeenkomsten in het eerste kwartaal',
			daysAgo: 3,
			body: 'Voorstel: in januari een webinar over regionale samenwerking, in februari een leerwerksessie voor accountmanagers en in maart de excursie naar Zwolle. Reacties graag voor vrijdag.',
			replies: [
				'Akkoord. Kunnen we de leerwerksessie in februari beperken tot twintig deelnemers? Dan blijft het een echt gesprek.',
				'Prima planning. Ik neem de excursie voor mijn rekening.'
			]
		}
	]
};

const DAY = 86_400_000;

export async function seedDemoDiscussions(db: DB): Promise<boolean> {
	const existing = await db.selectFrom('threads').select('id').limit(1).execute();
	if (existing.length > 0) return false;
	const networks = await db.selectFrom('networks').select(['id', 'slug', 'name']).execute();
	// Threads start at half past nine in the morning (Amsterdam, winter time); replies follow some hours apart.
	const today = new Date();
	const morning = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 8, 30);

	await db.transaction().execute(async (trx) => {
		for (const [name, threads] of Object.entries(THREADS)) {
			const network = networks.find((n) => n.slug === slugify(name));
			if (!network) continue;
			// The network's own members write its threads, in a fixed order so the demo is the same
			// every time; coordinators first.
			const members = await trx
				.selectFrom('network_members as m')
				.innerJoin('users as u', 'u.id', 'm.user_id')
				.select(['u.id', 'u.name', 'm.role'])
				.where('m.network_id', '=', network.id)
				.where('m.status', '=', 'active')
				.where('u.status', '=', 'active')
				.orderBy('m.role')
				.orderBy('u.email')
				.execute();
			if (members.length === 0) continue;
			const mentionable = members.map((m) => ({ id: m.id, name: m.name }));
			for (const [turn, demo] of threads.entries()) {
				const threadId = randomUUID();
				const start = morning - demo.daysAgo * DAY;
				const author = members[turn % members.length]!;
				const replyIds: string[] = [];
				let last = start;
				const others = members.filter((m) => m.id !== author.id);
				const replies = demo.replies.map((body, i) => {
					// Replies come some hours apart, from others; the starter writes the third.
					const by = i === 2 || others.length === 0 ? author : others[(turn + i) % others.length]!;
					last = start + (i + 1) * 2 * 3_600_000;
					const id = randomUUID();
					replyIds.push(id);
					return { id, by, body, at: new Date(last).toISOString() };
				});
				const rendered = renderMarkdown(demo.body, mentionable);
				await trx
					.insertInto('threads')
					.values({
						id: threadId,
						network_id: network.id,
						author_id: author.id,
						kind: demo.kind,
						title: demo.title,
						body: demo.body,
						body_html: rendered.html,
						pinned: demo.pinned ?? false,
						locked: demo.locked ?? false,
						accepted_reply_id: null,
						last_activity_at: new Date(last).toISOString(),
						created_at: new Date(start).toISOString(),
						updated_at: new Date(last).toISOString(),
						edited_at: null
					})
					.execute();
				for (const reply of replies) {
					await trx
						.insertInto('replies')
						.values({
							id: reply.id,
							thread_id: threadId,
							author_id: reply.by.id,
							body: reply.body,
							body_html: renderMarkdown(reply.body, mentionable).html,
							created_at: reply.at,
							edited_at: null
						})
						.execute();
				}
				if (demo.answer !== undefined && replyIds[demo.answer]) {
					await trx
						.updateTable('threads')
						.set({ accepted_reply_id: replyIds[demo.answer] })
						.where('id', '=', threadId)
						.execute();
				}
			}
		}
	});
	return true;
}
