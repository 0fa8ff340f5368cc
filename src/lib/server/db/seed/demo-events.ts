import { randomBytes, randomUUID } from 'node:crypto';
import { amsterdamToUtc } from '../../features/events/time';
import { renderMarkdown } from '../../platform/markdown';
import { slugify } from '../../platform/slug';
import type { DB } from '../index';
import { DEMO_COORDINATOR_EMAIL, demoMemberEmail } from './demo';

/**
 * The demo's events: twenty over every format, network and province, from half a year ago to half
 * a year ahead, three full with a waiting list (one of them past), with registrations by demo
 * members 1–30 (31–40 are left to the tests). Runs once: nothing happens when any event exists.
 */

interface DemoEvent {
	title: string;
	format: string;
	network: string | null;
	visibility: 'public' | 'members' | 'network';
	/** Days from the seed's day, and the Amsterdam wall-clock times. */
	day: number;
	from: string;
	to: string;
	location: 'on_site' | 'online' | 'hybrid';
	venue?: string;
	address?: string;
	capacity: number | null;
	summary: string;
	programme: string;
	themes: string[];
	provinces: string[];
	speakers?: { name: string; role: 'speaker' | 'guest_expert' }[];
	questions?: { label: string; required: boolean }[];
	/** Demo member numbers who registered, in order. */
	registrants: number[];
}

const WHAT = { label: 'Wat wil je leren?', required: true };
const DIET = { label: 'Dieetwensen', required: false };

const EVENTS: DemoEvent[] = [
	{
		title: 'Webinar: data over het mkb in je regio',
		format: 'Webinar',
		network: 'EZ-medewerkers van provincies',
		visibility: 'public',
		day: 6,
		from: '15:00',
		to: '16:00',
		location: 'online',
		capacity: null,
		summary: 'Welke cijfers over het regionale mkb zijn er, en hoe gebruik je ze in beleid?',
		programme:
			'- 15:00 Welkom\n- 15:05 Wat de microdata laten zien\n- 15:35 Vragen uit de chat\n- 16:00 Einde',
		themes: ['Productiviteit', 'Ondernemersecosysteem'],
		provinces: [],
		speakers: [{ name: 'Ilse de Graaf', role: 'speaker' }],
		questions: [WHAT],
		registrants: [1, 3, 5, 7, 9, 11]
	},
	{
		title: 'Leerwerkbijeenkomst circulaire bedrijventerreinen',
		format: 'Leerwerkbijeenkomst',
		network: 'Regio Zwolle',
		visibility: 'members',
		day: 14,
		from: '09:30',
		to: '13:00',
		location: 'on_site',
		venue: 'Stadskantoor Zwolle',
		address: 'Lübeckplein 2, 8017 JZ Zwolle',
		capacity: 5,
		summary:
			'Met twintig collega’s en twee gastexperts aan de slag met de vraag hoe je een bestaand bedrijventerrein circulair maakt.',
		programme:
			'- 09:30 Inloop\n- 10:00 Praktijkvoorbeeld uit Zwolle\n- 10:45 Intervisie in kleine groepen\n- 12:15 Wat neem je mee?\n- 13:00 Lunch',
		themes: ['Circulaire economie', 'Verduurzaming'],
		provinces: ['NL-OV'],
		speakers: [
			{ name: 'Ruben Smit', role: 'speaker' },
			{ name: 'Dr. Anouk Veenstra', role: 'guest_expert' }
		],
		questions: [WHAT, DIET],
		// Full: five places and two on the waiting list.
		registrants: [2, 4, 6, 8, 10, 12, 14]
	},
	{
		title: 'Leerbijeenkomst MKB-Deals: van plan naar uitvoering',
		format: 'Leerbijeenkomst',
		network: 'MKB-Deals',
		visibility: 'members',
		day: 21,
		from: '13:30',
		to: '16:30',
		location: 'hybrid',
		venue: 'Provinciehuis Utrecht',
		address: 'Archimedeslaan 6, 3584 BA Utrecht',
		capacity: 30,
		summary: 'Wat werkt bij het uitvoeren van een MKB-Deal? Drie regio’s delen hun ervaring.',
		programme: '- Drie korte pitches\n- Tafelgesprekken\n- Afsluitende borrel',
		themes: ['Regionale samenwerking', 'Human capital'],
		provinces: ['NL-UT'],
		speakers: [{ name: 'Jeroen Bakker', role: 'speaker' }],
		questions: [WHAT],
		registrants: [13, 15, 17]
	},
	{
		title: 'Excursie: digitale werkplaats voor ondernemers',
		format: 'Excursie',
		network: 'Accountmanagers en bedrijfscontactfunctionarissen',
		visibility: 'members',
		day: 28,
		from: '10:00',
		to: '15:00',
		location: 'on_site',
		venue: 'Digitale Werkplaats Groningen',
		address: 'Zernikelaan 17, 9747 AA Groningen',
		capacity: 20,
		summary:
			'Een bezoek aan een inspirerend praktijkvoorbeeld: ondernemers leren er samen digitaliseren.',
		programme: 'We beginnen met koffie, krijgen een rondleiding en spreken met drie ondernemers.',
		themes: ['Digitalisering'],
		provinces: ['NL-GR'],
		speakers: [{ name: 'Sanne Mulder', role: 'guest_expert' }],
		questions: [DIET],
		registrants: [19, 21]
	},
	{
		title: 'Netwerkbijeenkomst Zuid-Holland: financiering voor groei',
		format: 'Netwerkbijeenkomst',
		network: 'Zuid-Holland',
		visibility: 'members',
		day: 35,
		from: '16:00',
		to: '18:30',
		location: 'on_site',
		venue: 'Innovation Quarter',
		address: 'Prinses Margrietplantsoen 32, 2595 BR Den Haag',
		capacity: 40,
		summary: 'Welke financiering past bij groeiende mkb-bedrijven, en hoe verwijs je goed door?',
		programme:
			'- Inleiding door een regionale ontwikkelingsmaatschappij\n- Gesprek met ondernemers',
		themes: ['Financiering'],
		provinces: ['NL-ZH'],
		registrants: [23]
	},
	{
		title: 'Webinar: internationaal zakendoen na de coronacrisis',
		format: 'Webinar',
		network: null,
		visibility: 'public',
		day: 42,
		from: '12:00',
		to: '13:00',
		location: 'online',
		capacity: null,
		summary: 'Een lunchwebinar over exportkansen voor het mkb en wie daarbij helpt.',
		programme: 'Met praktijkvoorbeelden uit drie provincies.',
		themes: ['Internationalisering', 'Herstel na de coronacrisis'],
		provinces: [],
		registrants: [25, 27]
	},
	{
		title: 'Leerbijeenkomst Noordoost-Brabant: innovatie in de maakindustrie',
		format: 'Leerbijeenkomst',
		network: 'Noordoost-Brabant',
		visibility: 'network',
		day: 50,
		from: '14:00',
		to: '17:00',
		location: 'on_site',
		venue: 'Gemeentehuis ’s-Hertogenbosch',
		address: 'Wolvenhoek 1, 5211 HH ’s-Hertogenbosch',
		capacity: 25,
		summary: 'Alleen voor de community: wat leren we van innovatieve maakbedrijven in de regio?',
		programme: 'Een middag met twee bedrijfsbezoeken en een gesprek over de regionale aanpak.',
		themes: ['Innovatie en concurrentiekracht'],
		provinces: ['NL-NB'],
		registrants: []
	},
	{
		title: 'Leerwerkbijeenkomst accountmanagement in de regio',
		format: 'Leerwerkbijeenkomst',
		network: 'Regio Groningen-Assen',
		visibility: 'members',
		day: -12,
		from: '09:30',
		to: '12:30',
		location: 'on_site',
		venue: 'Provinciehuis Drenthe',
		address: 'Westerbrink 1, 9405 BJ Assen',
		capacity: 20,
		summary: 'Hoe werk je als gemeente, provincie en KVK samen in het accountmanagement?',
		programme: 'Intervisie aan de hand van casussen uit de regio.',
		themes: ['Regionaal accountmanagement'],
		provinces: ['NL-DR', 'NL-GR'],
		registrants: [1, 2, 3, 4]
	},
	{
		title: 'Webinar: verduurzaming van het mkb betaalbaar maken',
		format: 'Webinar',
		network: 'EZ-medewerkers van provincies',
		visibility: 'public',
		day: -30,
		from: '15:00',
		to: '16:00',
		location: 'online',
		capacity: null,
		summary: 'Regelingen en aanpakken die ondernemers helpen te verduurzamen.',
		programme: 'Met een gastexpert van een energieloket.',
		themes: ['Verduurzaming'],
		provinces: [],
		registrants: [5, 6, 7]
	},
	{
		title: 'Excursie: circulaire haven Rotterdam',
		format: 'Excursie',
		network: 'Zuid-Holland',
		visibility: 'members',
		day: -45,
		from: '10:00',
		to: '14:00',
		location: 'on_site',
		venue: 'BlueCity',
		address: 'Maasboulevard 100, 3011 TX Rotterdam',
		capacity: 15,
		summary: 'Een bezoek aan circulaire ondernemers in een oud zwembad.',
		programme: 'Rondleiding en gesprek met ondernemers.',
		themes: ['Circulaire economie'],
		provinces: ['NL-ZH'],
		registrants: [8, 9]
	},
	{
		title: 'Netwerkbijeenkomst MKB-Deals: terugblik op het jaar',
		format: 'Netwerkbijeenkomst',
		network: 'MKB-Deals',
		visibility: 'members',
		day: -60,
		from: '15:30',
		to: '17:30',
		location: 'hybrid',
		venue: 'Ministerie van Economische Zaken',
		address: 'Bezuidenhoutseweg 73, 2594 AC Den Haag',
		capacity: 50,
		summary: 'Wat leverden de MKB-Deals op, en wat nemen we mee naar volgend jaar?',
		programme: 'Een terugblik met de deelnemende regio’s.',
		themes: ['Regionale samenwerking'],
		provinces: [],
		registrants: [10, 11, 12]
	},
	{
		title: 'Leerbijeenkomst ondernemersecosystemen',
		format: 'Leerbijeenkomst',
		network: null,
		visibility: 'members',
		day: 63,
		from: '13:00',
		to: '16:00',
		location: 'hybrid',
		venue: 'Jaarbeurs',
		address: 'Jaarbeursplein 6, 3521 AL Utrecht',
		capacity: 60,
		summary:
			'Hoe bouw je aan een regionaal ondernemersecosysteem? Lessen uit binnen- en buitenland.',
		programme: 'Met sprekers uit de wetenschap en de praktijk.',
		themes: ['Ondernemersecosysteem', 'Innovatie en concurrentiekracht'],
		provinces: [],
		registrants: [20, 22, 24]
	},
	// Further out, so the calendar spans a year and every province has something.
	{
		title: 'Leerbijeenkomst MKB-Deals in de metropoolregio',
		format: 'Leerbijeenkomst',
		network: 'MKB-Deals',
		visibility: 'members',
		day: -170,
		from: '13:30',
		to: '16:30',
		location: 'on_site',
		venue: 'Provinciehuis Noord-Holland',
		address: 'Dreef 3, 2012 HR Haarlem',
		capacity: 30,
		summary:
			'Hoe houd je een MKB-Deal gaande als de eerste subsidie op is? Twee regio’s vertellen.',
		programme:
			'- Twee praktijkverhalen\n- Gesprek in groepen over borging\n- Afspraken voor de volgende ronde',
		themes: ['Regionale samenwerking', 'Financiering'],
		provinces: ['NL-NH'],
		speakers: [{ name: 'Marloes Dijkstra', role: 'speaker' }],
		registrants: [3, 6, 9, 12, 15, 18, 21]
	},
	{
		title: 'Excursie: circulaire bouwhub in Almere',
		format: 'Excursie',
		network: 'Regio Zwolle',
		visibility: 'public',
		day: -140,
		from: '10:00',
		to: '14:00',
		location: 'on_site',
		venue: 'Bouwhub Almere',
		address: 'Transistorstraat 7, 1322 CJ Almere',
		capacity: 8,
		summary:
			'Een bezoek aan een hub waar bouwbedrijven materialen delen en hergebruiken, met een rondleiding door de ondernemers zelf.',
		programme: '- Rondleiding over het terrein\n- Gesprek met de ondernemers\n- Lunch en nagesprek',
		themes: ['Circulaire economie', 'Verduurzaming'],
		provinces: ['NL-FL'],
		questions: [DIET],
		// Full: eight places and three on the waiting list (it has passed).
		registrants: [1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 30]
	},
	{
		title: 'Webinar: grensoverschrijdend ondernemen in Limburg en Brabant',
		format: 'Webinar',
		network: 'EZ-medewerkers van provincies',
		visibility: 'public',
		day: -100,
		from: '10:00',
		to: '11:00',
		location: 'online',
		capacity: null,
		summary: 'Wat vragen ondernemers in de grensregio, en hoe helpen provincies hen over de grens?',
		programme: '- 10:00 Welkom\n- 10:05 Cijfers over de grensregio\n- 10:30 Vragen\n- 11:00 Einde',
		themes: ['Internationalisering'],
		provinces: ['NL-LI', 'NL-NB'],
		speakers: [{ name: 'Bart Peeters', role: 'speaker' }],
		registrants: [2, 5, 8, 11, 14]
	},
	{
		title: 'Netwerkbijeenkomst accountmanagers Gelderland',
		format: 'Netwerkbijeenkomst',
		network: 'Accountmanagers en bedrijfscontactfunctionarissen',
		visibility: 'members',
		day: -80,
		from: '15:00',
		to: '18:00',
		location: 'on_site',
		venue: 'Huis der Provincie',
		address: 'Markt 11, 6811 CG Arnhem',
		capacity: 40,
		summary:
			'Accountmanagers uit Gelderland en omstreken leren elkaar kennen en delen hun lastigste vragen.',
		programme: '- Kennismaken in duo’s\n- Drie casussen aan tafel\n- Borrel',
		themes: ['Regionaal accountmanagement'],
		provinces: ['NL-GE'],
		registrants: [17, 19, 21, 23]
	},
	{
		title: 'Leerwerkbijeenkomst Zeeuwse havens en het mkb',
		format: 'Leerwerkbijeenkomst',
		network: 'Zuid-Holland',
		visibility: 'members',
		day: 90,
		from: '09:30',
		to: '13:00',
		location: 'on_site',
		venue: 'Abdij Middelburg',
		address: 'Abdij 9, 4331 BK Middelburg',
		capacity: 6,
		summary:
			'Met gastexperts uit de havens werken we aan de vraag hoe kleine toeleveranciers meegroeien met de energietransitie.',
		programme: '- Inleiding door een gastexpert\n- Werken aan drie casussen\n- Wat neem je mee?',
		themes: ['Verduurzaming', 'Innovatie en concurrentiekracht'],
		provinces: ['NL-ZE', 'NL-ZH'],
		speakers: [{ name: 'Ir. Lotte Verbeek', role: 'guest_expert' }],
		questions: [WHAT, DIET],
		// Full: six places and two on the waiting list.
		registrants: [3, 5, 9, 11, 15, 17, 23, 27]
	},
	{
		title: 'Excursie: logistieke innovatie in Venlo',
		format: 'Excursie',
		network: 'Noordoost-Brabant',
		visibility: 'public',
		day: 120,
		from: '10:00',
		to: '15:00',
		location: 'on_site',
		venue: 'Greenport Venlo',
		address: 'Villafloraweg 1, 5928 SZ Venlo',
		capacity: 25,
		summary:
			'Hoe werken logistieke mkb-bedrijven in Venlo samen aan automatisering? Een dag kijken en vragen.',
		programme: '- Ontvangst en inleiding\n- Bezoek aan twee bedrijven\n- Terugblik',
		themes: ['Digitalisering', 'Productiviteit'],
		provinces: ['NL-LI'],
		questions: [DIET],
		registrants: [4, 8, 12]
	},
	{
		title: 'Webinar: ondernemen in de Friese dorpen',
		format: 'Webinar',
		network: null,
		visibility: 'public',
		day: 150,
		from: '12:00',
		to: '13:00',
		location: 'online',
		capacity: null,
		summary:
			'Hoe houden gemeenten in Fryslân het mkb in kleine kernen overeind? Drie wethouders vertellen.',
		programme: '- 12:00 Welkom\n- 12:05 Drie korte verhalen\n- 12:40 Vragen\n- 13:00 Einde',
		themes: ['Ondernemersecosysteem', 'Regionale samenwerking'],
		provinces: ['NL-FR'],
		registrants: [6, 10, 14, 18]
	},
	{
		title: 'Leerbijeenkomst financiering voor groeiers',
		format: 'Leerbijeenkomst',
		network: 'Regio Groningen-Assen',
		visibility: 'members',
		day: 178,
		from: '13:00',
		to: '16:00',
		location: 'hybrid',
		venue: 'Provinciehuis Drenthe',
		address: 'Westerbrink 1, 9405 BJ Assen',
		capacity: 35,
		summary:
			'Welke financiering past bij een mkb-bedrijf dat wil groeien, en wat kan de regio daarin doen?',
		programme: 'Met een regionale ontwikkelingsmaatschappij en twee ondernemers.',
		themes: ['Financiering', 'Productiviteit'],
		provinces: ['NL-DR'],
		questions: [WHAT],
		registrants: [2, 20, 26]
	}
];

/** 'YYYY-MM-DD' of the day `days` from now (in UTC; the times are Amsterdam wall-clock). */
function dayFromNow(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export async function seedDemoEvents(db: DB): Promise<boolean> {
	const existing = await db.selectFrom('events').select('id').limit(1).execute();
	if (existing.length > 0) return false;
	const users = new Map(
		(
			await db.selectFrom('users').select(['id', 'email']).where('is_demo', '=', true).execute()
		).map((u) => [u.email, u.id])
	);
	const coordinator = users.get(DEMO_COORDINATOR_EMAIL) ?? null;
	const networks = new Map(
		(await db.selectFrom('networks').select(['id', 'name']).execute()).map((n) => [n.name, n.id])
	);
	const formats = new Set(
		(await db.selectFrom('event_formats').select('id').execute()).map((f) => f.id)
	);
	const themes = new Set((await db.selectFrom('themes').select('id').execute()).map((t) => t.id));

	await db.transaction().execute(async (trx) => {
		for (const e of EVENTS) {
			const formatId = slugify(e.format);
			if (!formats.has(formatId)) continue;
			const date = dayFromNow(e.day);
			const startsAt = amsterdamToUtc(`${date}T${e.from}`);
			const endsAt = amsterdamToUtc(`${date}T${e.to}`);
			if (!startsAt || !endsAt) continue;
			const networkId = e.network ? (networks.get(e.network) ?? null) : null;
			if (e.network && !networkId) continue;
			const id = randomUUID();
			const questions = (e.questions ?? []).map((q) => ({ id: slugify(q.label), ...q }));
			await trx
				.insertInto('events')
				.values({
					id,
					slug: `${slugify(e.title).slice(0, 60)}-${date}`,
					format_id: formatId,
					title: e.title,
					summary: e.summary,
					programme: e.programme,
					programme_html: renderMarkdown(e.programme).html,
					organiser_kind: networkId ? 'network' : 'platform',
					network_id: networkId,
					visibility: e.visibility,
					starts_at: startsAt,
					ends_at: endsAt,
					location_kind: e.location,
					venue: e.venue ?? '',
					address: e.address ?? '',
					online_url:
						e.location === 'on_site'
							? ''
							: `https://meet.example.org/${slugify(e.title).slice(0, 30)}`,
					capacity: e.capacity,
					registration_opens_at: null,
					registration_closes_at: null,
					questions: JSON.stringify(questions),
					created_by: coordinator
				})
				.execute();
			const themeIds = e.themes.map(slugify).filter((t) => themes.has(t));
			if (themeIds.length) {
				await trx
					.insertInto('event_themes')
					.values(themeIds.map((theme_id) => ({ event_id: id, theme_id })))
					.execute();
			}
			if (e.provinces.length) {
				await trx
					.insertInto('event_provinces')
					.values(e.provinces.map((province_code) => ({ event_id: id, province_code })))
					.execute();
			}
			for (const [position, s] of (e.speakers ?? []).entries()) {
				await trx
					.insertInto('event_speakers')
					.values({
						id: randomUUID(),
						event_id: id,
						user_id: null,
						name: s.name,
						role: s.role,
						position
					})
					.execute();
			}
			let queue = 0;
			for (const [i, n] of e.registrants.entries()) {
				const userId = users.get(demoMemberEmail(n));
				if (!userId) continue;
				const waitlisted = e.capacity !== null && i >= e.capacity;
				await trx
					.insertInto('event_registrations')
					.values({
						id: randomUUID(),
						event_id: id,
						user_id: userId,
						guest_name: null,
						guest_email: null,
						guest_organisation: null,
						status: waitlisted ? 'waitlisted' : 'registered',
						queue_number: waitlisted ? ++queue : null,
						answers: JSON.stringify(
							questions[0]?.required
								? { [questions[0].id]: 'Hoe andere regio’s dit aanpakken.' }
								: {}
						),
						token: randomBytes(24).toString('base64url'),
						attended: e.day < 0 && !waitlisted,
						promoted_at: null
					})
					.execute();
			}
		}
	});
	return true;
}
