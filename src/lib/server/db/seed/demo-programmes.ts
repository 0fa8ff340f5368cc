import { randomBytes, randomUUID } from 'node:crypto';
import { syncSessionRegistrations, createEvent } from '../../features/events/mutations';
import { amsterdamToUtc } from '../../features/events/time';
import { createItem } from '../../features/knowledge/mutations';
import { knowledgeInputSchema } from '../../features/knowledge/schema';
import { createProgramme } from '../../features/programmes/mutations';
import { programmeSchema } from '../../features/programmes/schema';
import { slugify } from '../../platform/slug';
import type { DB } from '../index';
import { DEMO_COORDINATOR_EMAIL, demoMemberEmail } from './demo';

/**
 * The demo's four regional knowledge programmes of 2020, written for this demo: one running in
 * Groningen-Assen (two sessions behind it, two ahead), one running and full in Noordoost-Brabant
 * (a cohort of twelve with two on the waiting list), a finished one in Regio Zwolle and a planned
 * one in Zuid-Holland. Programmes and sessions go through the programmes and events features and
 * the reports through the knowledge feature, so slugs, HTML and the search index are as for real
 * ones. The cohort is written directly, as the other demo seeds write registrations, so the seed
 * queues no welcome mails; every upcoming session then takes the cohort through
 * syncSessionRegistrations. Past sessions get the cohort's registrations with attendance (about
 * one in five absent) and, for five of the six, a published report. Demo members 1 and 2 and
 * 31–40 are in no cohort (the tests act as them). Runs after the demo's users, networks, events
 * and knowledge, once: nothing happens when any programme exists.
 */

type Format = 'Leerbijeenkomst' | 'Leerwerkbijeenkomst' | 'Excursie' | 'Webinar';

interface DemoSession {
	title: string;
	format: Format;
	/** Days from the seed's day, and the Amsterdam wall-clock times. */
	day: number;
	from: string;
	to: string;
	location: 'on_site' | 'online';
	venue?: string;
	address?: string;
	summary: string;
	programme: string;
	themes: string[];
	speakers?: { name: string; role: 'speaker' | 'guest_expert' }[];
	/** A recording or slides link after the session. */
	recording?: string;
	/** The report harvested into the library (past sessions only). */
	report?: { title: string; summary: string; body: string; themes: string[] };
}

interface DemoProgramme {
	/** The region as in the reference facts (and the name of its regional community). */
	region: string;
	provinces: string[];
	title: string;
	summary: string;
	challenge: string;
	visibility: 'public' | 'members';
	cohortSize: number;
	enrolmentOpen: boolean;
	themes: string[];
	/** A demo member who coordinates beside the demo coordinator. */
	coCoordinator?: number;
	/** Demo members with a place, in the order they enrolled, then those waiting. */
	cohort: number[];
	waiting?: number[];
	sessions: DemoSession[];
}

const PROGRAMMES: DemoProgramme[] = [
	{
		region: 'Regio Groningen-Assen',
		provinces: ['NL-GR', 'NL-DR'],
		title: 'Samen sterker in accountmanagement: Regio Groningen-Assen',
		summary:
			'Gemeenten, de twee provincies en hun partners in Groningen-Assen bouwen in vier bijeenkomsten aan één herkenbaar accountmanagement voor ondernemers in de regio.',
		challenge:
			'Een ondernemer in Groningen of Drenthe krijgt soms in één maand bezoek van drie organisaties, en hoort daarna van geen van allen meer iets. Accountmanagers kennen elkaar wel, maar delen hun contacten en afspraken nauwelijks. Dit programma wil dat veranderen.\n\n' +
			'- Weten wie welke bedrijven in de regio bezoekt en waarom.\n' +
			'- Afspraken maken over het delen van een klantbeeld, binnen de regels van de privacywet.\n' +
			'- Ondernemers snel en goed doorverwijzen naar de juiste partner.\n' +
			'- Samen een werkplan opstellen dat na het programma blijft staan.',
		visibility: 'members',
		cohortSize: 20,
		enrolmentOpen: true,
		themes: ['Regionaal accountmanagement', 'Regionale samenwerking', 'Ondernemersecosysteem'],
		coCoordinator: 6,
		cohort: [5, 7, 3, 4, 8, 9, 11, 13, 15, 25, 28],
		sessions: [
			{
				title: 'Aftrap: wie bezoekt de ondernemer?',
				format: 'Leerbijeenkomst',
				day: -60,
				from: '13:30',
				to: '16:30',
				location: 'on_site',
				venue: 'Provinciehuis Groningen',
				address: 'Martinikerkhof 12, 9712 JG Groningen',
				summary:
					'We brengen samen in kaart welke organisaties bedrijven in de regio bezoeken, en waar ondernemers tussen wal en schip raken.',
				programme:
					'- 13:30 Welkom en kennismaking\n- 14:00 De kaart van het accountmanagement in de regio\n- 15:00 Gesprek in drie groepen: waar gaat het mis?\n- 16:00 Afspraken voor de volgende bijeenkomst',
				themes: ['Regionaal accountmanagement'],
				speakers: [{ name: 'Gerda Wiersma', role: 'speaker' }],
				report: {
					title: 'Verslag aftrap Groningen-Assen: wie bezoekt de ondernemer?',
					summary:
						'Op de eerste bijeenkomst maakten accountmanagers uit Groningen en Drenthe zichtbaar wie welke bedrijven bezoekt, en waar dat schuurt.',
					themes: ['Regionaal accountmanagement', 'Regionale samenwerking'],
					body:
						'## Wat we bespraken\n\n' +
						'Accountmanagers en beleidsmedewerkers van gemeenten, de provincies Groningen en Drenthe en de KVK kwamen bij elkaar in het provinciehuis. Iedere deelnemer zette op een grote kaart van de regio welke bedrijven hij of zij het afgelopen jaar bezocht. Het beeld was duidelijk: rond de grote bedrijventerreinen overlappen de bezoeken sterk, terwijl kleinere kernen en het platteland nauwelijks worden bezocht.\n\n' +
						'In drie groepen bespraken we waar het misgaat. Ondernemers vertellen hetzelfde verhaal aan verschillende mensen, beloofde terugkoppeling blijft uit en niemand weet precies wie het eerste aanspreekpunt is. Tegelijk zagen de deelnemers ook wat al goed gaat: waar accountmanagers elkaar persoonlijk kennen, wordt er vlot doorverwezen.\n\n' +
						'## Wat we meenemen\n\n' +
						'- Spreek per bedrijf één vast aanspreekpunt af, ook als meer organisaties betrokken zijn.\n' +
						'- Leg na elk bezoek kort vast wat is afgesproken, zodat een collega het kan overnemen.\n' +
						'- Besteed bewust aandacht aan bedrijven buiten de steden.\n' +
						'- Investeer in elkaar kennen: een kop koffie met een collega-accountmanager levert meer op dan een nieuw systeem.\n\n' +
						'## Hoe verder\n\n' +
						'Voor de volgende bijeenkomst brengt iedere deelnemer één lastige casus mee. Die gebruiken we om te oefenen met het delen van een klantbeeld zonder de privacy van de ondernemer uit het oog te verliezen.'
				}
			},
			{
				title: 'Casuswerk: één klantbeeld delen zonder privacyzorgen',
				format: 'Leerwerkbijeenkomst',
				day: -25,
				from: '09:30',
				to: '13:00',
				location: 'on_site',
				venue: 'Gemeentehuis Assen',
				address: 'Noordersingel 33, 9401 JW Assen',
				summary:
					'Aan de hand van echte casussen oefenen we hoe je informatie over een bedrijf deelt met partners, en wat daarbij wel en niet mag.',
				programme:
					'- 09:30 Inloop\n- 10:00 Wat zegt de privacywet over het delen van bedrijfsgegevens?\n- 10:45 Intervisie op eigen casussen in groepjes van vijf\n- 12:15 Samen een werkafspraak opstellen\n- 13:00 Lunch',
				themes: ['Regionaal accountmanagement', 'Digitalisering'],
				speakers: [{ name: 'mr. Pieter Dijkstra', role: 'guest_expert' }],
				report: {
					title: 'Verslag casuswerk: een klantbeeld delen in Groningen-Assen',
					summary:
						'Met een privacyjurist en elkaars casussen zochten de deelnemers uit hoe je een klantbeeld deelt zonder de ondernemer te passeren.',
					themes: ['Regionaal accountmanagement', 'Digitalisering'],
					body:
						'## Wat we bespraken\n\n' +
						'De bijeenkomst begon met een korte inleiding van een privacyjurist. Zijn boodschap stelde veel deelnemers gerust: gegevens die een bedrijf zelf openbaar maakt, mag je gewoon delen. Voor afspraken uit een gesprek is het anders: daarvoor vraag je de ondernemer om toestemming, en je legt vast waarvoor je die informatie gebruikt.\n\n' +
						'Daarna gingen de deelnemers in groepjes aan de slag met casussen die ze zelf hadden meegebracht. Een groeiend installatiebedrijf dat personeel zoekt, een familiebedrijf zonder opvolger en een maakbedrijf dat wil uitbreiden maar geen grond kan vinden. Bij elke casus vroegen we: wie moet dit weten, en wat heeft de ondernemer eraan dat we het delen?\n\n' +
						'## Wat we meenemen\n\n' +
						'- Vraag aan het eind van elk gesprek of je de informatie mag delen met een partner, en met wie.\n' +
						'- Deel liever een korte samenvatting dan een volledig gespreksverslag.\n' +
						'- Spreek per organisatie één persoon af die vragen over privacy beantwoordt.\n' +
						'- Een gedeeld klantbeeld begint met vertrouwen tussen accountmanagers, niet met software.\n\n' +
						'## Hoe verder\n\n' +
						'Een kleine werkgroep schrijft een werkafspraak van één pagina die alle partners kunnen ondertekenen. Op de excursie toetsen we die afspraak in de praktijk, tijdens bezoeken aan bedrijven.'
				}
			},
			{
				title: 'Excursie: op bedrijfsbezoek met een accountmanager',
				format: 'Excursie',
				day: 10,
				from: '10:00',
				to: '15:00',
				location: 'on_site',
				venue: 'Ondernemershuis Groningen',
				address: 'Sontweg 11, 9723 AT Groningen',
				summary:
					'In tweetallen lopen deelnemers een ochtend mee met een collega-accountmanager bij een bedrijfsbezoek, en ’s middags wisselen we ervaringen uit.',
				programme:
					'- 10:00 Koffie en indeling in tweetallen\n- 10:30 Bedrijfsbezoeken in de regio\n- 13:00 Lunch\n- 13:45 Wat zag je, wat doe je anders?\n- 15:00 Einde',
				themes: ['Regionaal accountmanagement'],
				speakers: [{ name: 'Hilde Oosterhof', role: 'guest_expert' }]
			},
			{
				title: 'Een gezamenlijk werkplan voor accountmanagement in de regio',
				format: 'Leerwerkbijeenkomst',
				day: 40,
				from: '09:30',
				to: '12:30',
				location: 'on_site',
				venue: 'Provinciehuis Drenthe',
				address: 'Westerbrink 1, 9405 BJ Assen',
				summary:
					'De afsluitende bijeenkomst: we leggen de afspraken uit het programma vast in een werkplan dat de partners samen uitvoeren.',
				programme:
					'- 09:30 Inloop\n- 10:00 Terugblik op de drie eerdere bijeenkomsten\n- 10:30 Werken aan het werkplan in vier tafels\n- 12:00 Wie doet wat? Afspraken en ondertekening',
				themes: ['Regionaal accountmanagement', 'Regionale samenwerking']
			}
		]
	},
	{
		region: 'Noordoost-Brabant',
		provinces: ['NL-NB'],
		title: 'Een gezamenlijke DOE-agenda voor het mkb in Noordoost-Brabant',
		summary:
			'Gemeenten, onderwijs en ondernemersorganisaties in Noordoost-Brabant maken samen een DOE-agenda: concrete acties die het mkb in de regio sterker maken, en die ze ook echt uitvoeren.',
		challenge:
			'In Noordoost-Brabant zijn plannen genoeg, maar ondernemers merken er weinig van. Elke gemeente heeft haar eigen economische agenda en goede voornemens verdwijnen na een bijeenkomst vaak in een la. Met een gezamenlijke DOE-agenda kiest de regio voor een klein aantal acties met een eigenaar en een termijn.\n\n' +
			'- Een korte lijst acties die ondernemers zelf belangrijk vinden.\n' +
			'- Per actie één trekker en een datum waarop het resultaat er is.\n' +
			'- Ondernemers aan tafel bij de uitvoering, niet alleen bij het bedenken.\n' +
			'- Twee keer per jaar een eerlijke tussenbalans.',
		visibility: 'members',
		cohortSize: 12,
		enrolmentOpen: true,
		themes: ['Regionale samenwerking', 'Innovatie en concurrentiekracht', 'Productiviteit'],
		cohort: [26, 27, 24, 25, 28, 29, 30, 14, 15, 13, 21, 17],
		waiting: [22, 10],
		sessions: [
			{
				title: 'Van ambitie naar DOE-agenda: de eerste tien acties',
				format: 'Leerwerkbijeenkomst',
				day: -30,
				from: '13:00',
				to: '17:00',
				location: 'on_site',
				venue: 'Gemeentehuis ’s-Hertogenbosch',
				address: 'Wolvenhoek 1, 5211 HH ’s-Hertogenbosch',
				summary:
					'Samen met ondernemers kiezen we uit alle plannen in de regio de tien acties die het meest opleveren, en zoeken we voor elke actie een trekker.',
				programme:
					'- 13:00 Welkom\n- 13:15 Wat ondernemers van de regio vragen: drie korte verhalen\n- 14:00 Stemronde over de lange lijst\n- 15:00 Uitwerken per actie in kleine groepen\n- 16:30 Wie trekt welke actie?',
				themes: ['Regionale samenwerking', 'Productiviteit'],
				speakers: [
					{ name: 'Femke van der Linden', role: 'speaker' },
					{ name: 'Ruud Verhoeven', role: 'guest_expert' }
				],
				report: {
					title: 'Verslag: de eerste tien acties van de DOE-agenda in Noordoost-Brabant',
					summary:
						'Gemeenten en ondernemers in Noordoost-Brabant brachten een lange lijst plannen terug tot tien acties, elk met een trekker en een datum.',
					themes: ['Regionale samenwerking', 'Productiviteit'],
					body:
						'## Wat we bespraken\n\n' +
						'De middag begon met drie ondernemers uit de regio: een producent van voedingsmiddelen, de directeur van een metaalbedrijf en de eigenaar van een bouwbedrijf. Alle drie vertelden ze hetzelfde: de regio organiseert veel, maar het is voor een ondernemer lastig te zien wat er voor hem of haar uit komt. Ze vroegen om minder plannen en meer resultaat.\n\n' +
						'Daarna lag er een lange lijst van ruim veertig voornemens uit de economische agenda’s van de gemeenten. Iedere deelnemer kreeg vijf stickers. Na de stemronde bleven er tien acties over, van een gezamenlijk loket voor bedrijfshuisvesting tot een vaste ronde langs scholen om technisch personeel op te leiden.\n\n' +
						'## Wat we meenemen\n\n' +
						'- Een actie zonder trekker is geen actie: niemand ging naar huis zonder taak.\n' +
						'- Laat ondernemers meebeslissen over de volgorde, niet alleen meedenken over de inhoud.\n' +
						'- Houd acties klein genoeg om binnen een half jaar iets te laten zien.\n' +
						'- Een actie die in de stemming weinig steun kreeg, mag gewoon van de lijst.\n\n' +
						'## Hoe verder\n\n' +
						'De trekkers werken hun actie uit op één pagina. In de volgende bijeenkomst laten ze zien wat er al gebeurd is, en waar ze hulp van de andere gemeenten nodig hebben.'
				}
			},
			{
				title: 'Excursie: samenwerken met ondernemers in de foodsector',
				format: 'Excursie',
				day: 17,
				from: '10:00',
				to: '15:00',
				location: 'on_site',
				venue: 'Innovatiecentrum Veghel',
				address: 'Doornhoek 3, 5465 TA Veghel',
				summary:
					'Een bezoek aan voedingsbedrijven die samen met de gemeente en het onderwijs werken aan nieuwe producten en vakmensen.',
				programme:
					'- 10:00 Ontvangst en uitleg over de samenwerking\n- 10:45 Rondleiding bij twee bedrijven\n- 12:30 Lunch met de ondernemers\n- 13:30 Wat kan de DOE-agenda hiervan leren?\n- 15:00 Einde',
				themes: ['Innovatie en concurrentiekracht', 'Human capital'],
				speakers: [{ name: 'Joris van Heeswijk', role: 'guest_expert' }]
			},
			{
				title: 'Tussenbalans: wat heeft de DOE-agenda opgeleverd?',
				format: 'Leerbijeenkomst',
				day: 45,
				from: '14:00',
				to: '17:00',
				location: 'on_site',
				venue: 'Gemeentehuis Oss',
				address: 'Raadhuislaan 10, 5341 GM Oss',
				summary:
					'De trekkers van de tien acties vertellen wat er gelukt is en wat niet, en samen beslissen we waarmee we doorgaan.',
				programme:
					'- 14:00 Welkom\n- 14:15 Tien acties in tien minuten: de stand van zaken\n- 15:00 Gesprek over wat vastloopt\n- 16:15 Besluiten over het komende halfjaar\n- 17:00 Borrel',
				themes: ['Regionale samenwerking']
			}
		]
	},
	{
		region: 'Regio Zwolle',
		provinces: ['NL-OV'],
		title: 'Regio Zwolle: leiderschap, netwerk en nieuwe kennis',
		summary:
			'Een afgerond programma waarin bestuurders, beleidsmakers en kennisinstellingen in Regio Zwolle werkten aan gedeeld leiderschap, een hecht netwerk en nieuwe kennis over het regionale mkb.',
		challenge:
			'Regio Zwolle groeit snel en werkt over provinciegrenzen heen, maar wie neemt de regie als het om het mkb gaat? Gemeenten, provincies, hogescholen en ondernemers wilden samen sterker optreden, zonder een nieuwe bestuurslaag te bouwen.\n\n' +
			'- Helder krijgen wie waarvoor het voortouw neemt in de regio.\n' +
			'- Een netwerk dat ook buiten de vergaderingen werkt.\n' +
			'- Nieuwe kennis ontwikkelen samen met hogescholen en ondernemers.\n' +
			'- De lessen vastleggen, zodat andere regio’s er iets aan hebben.',
		visibility: 'public',
		cohortSize: 20,
		enrolmentOpen: false,
		themes: ['Regionale samenwerking', 'Ondernemersecosysteem', 'Innovatie en concurrentiekracht'],
		cohort: [8, 9, 10, 11, 12, 13, 14, 16, 17, 19, 20],
		sessions: [
			{
				title: 'Regionaal leiderschap: wie neemt de regie?',
				format: 'Leerbijeenkomst',
				day: -120,
				from: '13:30',
				to: '16:30',
				location: 'on_site',
				venue: 'Stadskantoor Zwolle',
				address: 'Lübeckplein 2, 8017 JZ Zwolle',
				summary:
					'Een middag over gedeeld leiderschap: hoe werk je als regio samen aan het mkb zonder dat één partij alles bepaalt?',
				programme:
					'- 13:30 Welkom\n- 13:45 Inleiding over leiderschap in netwerken\n- 14:30 Gesprek met twee bestuurders uit de regio\n- 15:30 Aan tafel: wie neemt waarvoor het voortouw?\n- 16:30 Afsluiting',
				themes: ['Regionale samenwerking', 'Ondernemersecosysteem'],
				speakers: [
					{ name: 'Prof. dr. Marjan Kuipers', role: 'guest_expert' },
					{ name: 'Hans Brouwer', role: 'speaker' }
				],
				report: {
					title: 'Verslag: regionaal leiderschap in Regio Zwolle',
					summary:
						'Over gedeeld leiderschap in een regio die over provinciegrenzen heen werkt: wat het vraagt van bestuurders en van ambtenaren.',
					themes: ['Regionale samenwerking', 'Ondernemersecosysteem'],
					body:
						'## Wat we bespraken\n\n' +
						'De gastspreker, hoogleraar bestuurskunde, opende met een stelling: in een netwerk van gelijken is leiderschap geen functie maar gedrag. Wie zorgt dat een afspraak wordt nagekomen, wie nodigt de juiste mensen uit en wie durft een knoop door te hakken? Twee bestuurders uit de regio vertelden daarna eerlijk waar dat bij hen wringt. Een gemeente wil graag zichtbaar zijn bij ondernemers, terwijl een gezamenlijke aanpak juist vraagt om soms een stap terug te doen.\n\n' +
						'Aan tafels brachten de deelnemers in kaart wie in de regio nu het voortouw neemt op thema’s als personeel, innovatie en bedrijfshuisvesting. Op sommige thema’s bleken drie partijen zich trekker te voelen, op andere niemand.\n\n' +
						'## Wat we meenemen\n\n' +
						'- Verdeel het voortouw per thema, en maak dat voor iedereen zichtbaar.\n' +
						'- Gun een andere partij het succes: dat maakt de regio sterker dan een eigen persbericht.\n' +
						'- Leiderschap vraagt ook iets van ambtenaren: zij houden de afspraken tussen de vergaderingen levend.\n' +
						'- Spreek af hoe je besluit als partners het oneens zijn, voordat het zover is.\n\n' +
						'## Hoe verder\n\n' +
						'De verdeling per thema is na de bijeenkomst voorgelegd aan de bestuurders van de regio. In het webinar bouwen we verder aan het tweede doel van het programma: nieuwe kennis ontwikkelen samen met hogescholen.'
				}
			},
			{
				title: 'Webinar: nieuwe kennis ontwikkelen met hogescholen en ondernemers',
				format: 'Webinar',
				day: -85,
				from: '15:00',
				to: '16:00',
				location: 'online',
				summary:
					'Hoe zetten gemeenten en hogescholen samen praktijkgericht onderzoek op dat ondernemers in de regio direct helpt?',
				programme:
					'- 15:00 Welkom\n- 15:05 Twee voorbeelden van praktijkgericht onderzoek\n- 15:35 Vragen uit de chat\n- 16:00 Einde',
				themes: ['Innovatie en concurrentiekracht', 'Human capital'],
				speakers: [{ name: 'Dr. Sander Wessels', role: 'speaker' }],
				recording: 'https://video.example.org/regio-zwolle-kennis-ontwikkelen'
			},
			{
				title: 'Excursie: het mkb-praktijklab in Zwolle',
				format: 'Excursie',
				day: -50,
				from: '10:00',
				to: '15:00',
				location: 'on_site',
				venue: 'Hogeschool Windesheim',
				address: 'Campus 2, 8017 CA Zwolle',
				summary:
					'De slotbijeenkomst: een bezoek aan een praktijklab waar studenten opdrachten van mkb-bedrijven uitvoeren, en een terugblik op het hele programma.',
				programme:
					'- 10:00 Ontvangst op de campus\n- 10:30 Rondleiding door het praktijklab\n- 11:30 Gesprek met studenten en ondernemers\n- 12:30 Lunch\n- 13:30 De oogst van het programma\n- 15:00 Afsluiting',
				themes: ['Innovatie en concurrentiekracht', 'Ondernemersecosysteem'],
				speakers: [{ name: 'Lieke Hofman', role: 'guest_expert' }],
				report: {
					title: 'Verslag excursie naar het mkb-praktijklab en de oogst van het programma',
					summary:
						'De laatste bijeenkomst van het programma in Regio Zwolle: een bezoek aan een praktijklab en de lessen van een jaar samenwerken.',
					themes: ['Innovatie en concurrentiekracht', 'Regionale samenwerking'],
					body:
						'## Wat we zagen\n\n' +
						'In het praktijklab werken studenten van verschillende opleidingen een semester lang aan vragen van kleine bedrijven. Een meubelmaker liet zien hoe studenten zijn voorraadbeheer hadden gedigitaliseerd. Een installatiebedrijf vertelde dat twee stagiairs na hun afstuderen bij hem in dienst kwamen. De ondernemers waren het erover eens: het lab werkt omdat de vraag van het bedrijf het vertrekpunt is, en niet het lesprogramma.\n\n' +
						'## De oogst van het programma\n\n' +
						'’s Middags keken de deelnemers terug op het hele programma. Het netwerk is hechter geworden: deelnemers bellen elkaar nu direct in plaats van via de vaste overleggen. De verdeling van het voortouw per thema werkt, al blijft bedrijfshuisvesting een lastig onderwerp zonder duidelijke trekker.\n\n' +
						'## Wat we meenemen\n\n' +
						'- Begin bij de vraag van de ondernemer, ook als je samen met een hogeschool onderzoek doet.\n' +
						'- Een programma met een vaste groep deelnemers bouwt vertrouwen op dat losse bijeenkomsten niet geven.\n' +
						'- Leg lessen direct na een bijeenkomst vast, anders zijn ze na een maand vergeten.\n' +
						'- Plan na afloop een terugkomdag, zodat het netwerk blijft bestaan.\n\n' +
						'## Hoe verder\n\n' +
						'De regio plant over een halfjaar een terugkomdag. De verslagen van het programma staan in de kennisbank, zodat andere regio’s kunnen zien wat hier werkte.'
				}
			}
		]
	},
	{
		region: 'Zuid-Holland',
		provinces: ['NL-ZH'],
		title: 'Zuid-Holland: samenwerken aan het ondersteuningsecosysteem',
		summary:
			'Een nieuw programma voor Zuid-Holland: partners in de provincie versterken samen de ondersteuning van het mkb en wisselen kennis uit over personeel, circulair ondernemen en digitalisering.',
		challenge:
			'Ondernemers in Zuid-Holland kunnen voor hulp bij tientallen loketten, regelingen en netwerken terecht. Voor een kleine ondernemer is dat aanbod vaak onoverzichtelijk, en de partners weten niet altijd van elkaar wat ze doen. Het programma brengt die partners bij elkaar rond drie grote opgaven voor het mkb.\n\n' +
			'- Een helder overzicht van wie ondernemers waarmee helpt.\n' +
			'- Kennis delen over het vinden, opleiden en behouden van personeel.\n' +
			'- Samen leren hoe je kleine bedrijven helpt circulair en digitaal te werken.\n' +
			'- Betere samenwerking tussen gemeenten, provincie en regionale partners.',
		visibility: 'public',
		cohortSize: 20,
		enrolmentOpen: true,
		themes: [
			'Regionale samenwerking',
			'Ondernemersecosysteem',
			'Human capital',
			'Circulaire economie',
			'Digitalisering'
		],
		cohort: [21, 22, 23, 18, 19, 20, 24, 26, 16, 12],
		sessions: [
			{
				title: 'Webinar: aftrap in Zuid-Holland, het ondersteuningsecosysteem in kaart',
				format: 'Webinar',
				day: 12,
				from: '12:00',
				to: '13:00',
				location: 'online',
				summary:
					'Een lunchwebinar waarin we laten zien welke partners het mkb in Zuid-Holland ondersteunen, en waar het aanbod elkaar overlapt of mist.',
				programme:
					'- 12:00 Welkom en doel van het programma\n- 12:10 De kaart van het ondersteuningsaanbod\n- 12:35 Vragen en eerste reacties\n- 13:00 Einde',
				themes: ['Ondernemersecosysteem', 'Regionale samenwerking'],
				speakers: [{ name: 'Karin de Bruijn', role: 'speaker' }]
			},
			{
				title: 'Leerwerkbijeenkomst: vakmensen vinden, opleiden en behouden',
				format: 'Leerwerkbijeenkomst',
				day: 33,
				from: '09:30',
				to: '13:00',
				location: 'on_site',
				venue: 'Provinciehuis Zuid-Holland',
				address: 'Zuid-Hollandplein 1, 2596 AW Den Haag',
				summary:
					'Met gastexperts en praktijkvoorbeelden werken we aan de vraag hoe kleine werkgevers in de regio aan goed personeel komen en het houden.',
				programme:
					'- 09:30 Inloop\n- 10:00 Twee praktijkvoorbeelden uit de regio\n- 10:45 Intervisie in kleine groepen\n- 12:15 Wat neem je mee naar je eigen organisatie?\n- 13:00 Lunch',
				themes: ['Human capital'],
				speakers: [
					{ name: 'Youssef Amrani', role: 'speaker' },
					{ name: 'Dr. Ingrid Vos', role: 'guest_expert' }
				]
			},
			{
				title: 'Excursie: circulair en digitaal maken op de RDM-campus',
				format: 'Excursie',
				day: 60,
				from: '10:00',
				to: '15:00',
				location: 'on_site',
				venue: 'RDM Campus',
				address: 'Heijplaatstraat 23, 3089 JB Rotterdam',
				summary:
					'Een bezoek aan maakbedrijven die hergebruik van materialen combineren met slimme digitale productie, en wat dat vraagt van hun ondersteuning.',
				programme:
					'- 10:00 Ontvangst\n- 10:30 Rondleiding langs drie maakbedrijven\n- 12:30 Lunch\n- 13:30 Gesprek: hoe help je andere bedrijven op weg?\n- 15:00 Einde',
				themes: ['Circulaire economie', 'Digitalisering'],
				speakers: [{ name: 'Thomas Groen', role: 'guest_expert' }]
			}
		]
	}
];

/** 'YYYY-MM-DD' of the day `days` from now (in UTC; the times are Amsterdam wall-clock). */
function dayFromNow(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Present at a past session: about four in five, the same on every run. */
export function demoAttended(member: number, sessionIndex: number): boolean {
	return (member + sessionIndex * 3) % 5 !== 0;
}

export async function seedDemoProgrammes(db: DB): Promise<boolean> {
	const existing = await db.selectFrom('programmes').select('id').limit(1).execute();
	if (existing.length > 0) return false;
	const users = new Map(
		(
			await db.selectFrom('users').select(['id', 'email']).where('is_demo', '=', true).execute()
		).map((u) => [u.email, u.id])
	);
	const coordinator = users.get(DEMO_COORDINATOR_EMAIL);
	if (!coordinator) return false;
	const member = (n: number) => users.get(demoMemberEmail(n));
	const networks = new Map(
		(
			await db
				.selectFrom('networks')
				.select(['id', 'name'])
				.where('kind', '=', 'regional')
				.execute()
		).map((n) => [n.name, n.id])
	);
	const formats = new Set(
		(await db.selectFrom('event_formats').select('id').execute()).map((f) => f.id)
	);
	const themes = new Set((await db.selectFrom('themes').select('id').execute()).map((t) => t.id));
	const themeIds = (names: string[]) => names.map(slugify).filter((t) => themes.has(t));

	for (const p of PROGRAMMES) {
		const created = await createProgramme(db, {
			...programmeSchema.parse({
				title: p.title,
				region: p.region,
				summary: p.summary,
				challenge: p.challenge,
				networkId: networks.get(p.region) ?? null,
				visibility: p.visibility,
				cohortSize: p.cohortSize,
				enrolmentOpen: p.enrolmentOpen,
				provinceCodes: p.provinces,
				themeIds: themeIds(p.themes)
			}),
			createdBy: coordinator,
			coordinatorIds: p.coCoordinator
				? [member(p.coCoordinator)].filter((v) => v !== undefined)
				: []
		});
		if (!created.ok) throw new Error(`Demo programme "${p.title}": ${created.reason}`);
		const programmeId = created.id;

		// The sessions, through the events feature: a session is an event of the programme.
		const sessions: { id: string; session: DemoSession; startsAt: string; endsAt: string }[] = [];
		for (const s of p.sessions) {
			const formatId = slugify(s.format);
			if (!formats.has(formatId)) continue;
			const date = dayFromNow(s.day);
			const startsAt = amsterdamToUtc(`${date}T${s.from}`);
			const endsAt = amsterdamToUtc(`${date}T${s.to}`);
			if (!startsAt || !endsAt) continue;
			const event = await createEvent(db, {
				title: s.title,
				summary: s.summary,
				formatId,
				programme: s.programme,
				organiserKind: 'programme',
				networkId: null,
				programmeId,
				visibility: p.visibility,
				startsAt,
				endsAt,
				locationKind: s.location,
				venue: s.venue ?? '',
				address: s.address ?? '',
				onlineUrl:
					s.location === 'online'
						? `https://meet.example.org/${slugify(s.title).slice(0, 30)}`
						: '',
				capacity: null,
				registrationOpensAt: null,
				registrationClosesAt: null,
				questions: [],
				themeIds: themeIds(s.themes),
				provinceCodes: p.provinces,
				speakers: (s.speakers ?? []).map((sp) => ({ ...sp, email: null })),
				createdBy: coordinator
			});
			sessions.push({ id: event.id, session: s, startsAt, endsAt });
		}

		// The cohort, written directly (no welcome mails), then every upcoming session takes it.
		const enrolled = p.cohort.filter((n) => member(n));
		await db.transaction().execute(async (trx) => {
			const at = new Date(
				Date.now() + (Math.min(...p.sessions.map((s) => s.day)) - 21) * 86_400_000
			);
			for (const [i, n] of enrolled.entries()) {
				await trx
					.insertInto('programme_participants')
					.values({
						id: randomUUID(),
						programme_id: programmeId,
						user_id: member(n)!,
						status: 'enrolled',
						queue_number: null,
						promoted_at: null,
						created_at: new Date(at.getTime() + i * 3_600_000).toISOString()
					})
					.execute();
			}
			for (const [i, n] of (p.waiting ?? []).filter((w) => member(w)).entries()) {
				await trx
					.insertInto('programme_participants')
					.values({
						id: randomUUID(),
						programme_id: programmeId,
						user_id: member(n)!,
						status: 'waitlisted',
						queue_number: i + 1,
						promoted_at: null,
						created_at: new Date(at.getTime() + (enrolled.length + i) * 3_600_000).toISOString()
					})
					.execute();
			}
			const now = new Date().toISOString();
			for (const [index, s] of sessions.entries()) {
				if (s.endsAt > now) {
					await syncSessionRegistrations(trx, s.id);
					continue;
				}
				// A past session: the cohort's registrations are its attendance record.
				for (const n of enrolled) {
					await trx
						.insertInto('event_registrations')
						.values({
							id: randomUUID(),
							event_id: s.id,
							user_id: member(n)!,
							guest_name: null,
							guest_email: null,
							guest_organisation: null,
							status: 'registered',
							queue_number: null,
							token: randomBytes(24).toString('base64url'),
							attended: demoAttended(n, index),
							promoted_at: null,
							via_programme: true
						})
						.execute();
				}
				if (s.session.recording) {
					await trx
						.insertInto('event_followup')
						.values({
							event_id: s.id,
							recording_url: s.session.recording,
							materials_notified_at: s.endsAt,
							report_notified_at: null
						})
						.execute();
				}
			}
		});

		// The reports harvested into the library, published a few days after their session.
		for (const s of sessions) {
			const report = s.session.report;
			if (!report || s.endsAt > new Date().toISOString()) continue;
			const at = new Date(new Date(s.endsAt).getTime() + 3 * 86_400_000).toISOString();
			const input = knowledgeInputSchema.parse({
				kind: 'report',
				title: report.title,
				summary: report.summary,
				body: report.body,
				coAuthors: p.coCoordinator ? [demoMemberEmail(p.coCoordinator)] : [],
				themes: themeIds(report.themes),
				provinces: p.provinces,
				visibility: p.visibility
			});
			const item = await createItem(db, {
				writerId: coordinator,
				input,
				publish: true,
				at,
				eventId: s.id
			});
			if (!item.ok) throw new Error(`Demo report "${report.title}": ${item.reason}`);
			// The participants were told when it appeared.
			await db
				.insertInto('event_followup')
				.values({ event_id: s.id, report_notified_at: at, materials_notified_at: null })
				.onConflict((oc) => oc.column('event_id').doUpdateSet({ report_notified_at: at }))
				.execute();
		}
	}
	return true;
}
