import { sql } from 'kysely';
import {
	addComment,
	adoptItem,
	createItem,
	setFeatured,
	toggleUseful
} from '../../features/knowledge/mutations';
import { knowledgeInputSchema } from '../../features/knowledge/schema';
import { slugify } from '../../platform/slug';
import type { DB } from '../index';
import { DEMO_COORDINATOR_EMAIL, DEMO_EDITOR_EMAIL, demoMemberEmail } from './demo';

/**
 * The demo's knowledge library: practice examples (among them one for each of the four regional
 * communities of 2020), insights, publications and session reports over every theme and
 * province, written for this demo. Written through the knowledge feature, so each has its
 * revision, its related items and its HTML as real items do. Demo members 36 to 40 write
 * nothing here (the end-to-end tests act as them). Runs once: nothing happens when any item
 * exists.
 */

type Author = number | 'editor' | 'coordinator';

interface DemoItem {
	kind: 'practice_example' | 'insight' | 'publication' | 'report';
	title: string;
	summary: string;
	body?: string;
	challenge?: string;
	approach?: string;
	result?: string;
	lessons?: string;
	costs?: string;
	mkbSegment?: string;
	period?: string;
	contact?: Author;
	author: Author;
	coAuthors?: Author[];
	themes: string[];
	provinces: string[];
	organisations: string[];
	visibility?: 'public' | 'members' | 'network';
	network?: string;
	draft?: boolean;
	/** Published on this date (yyyy-mm-dd). */
	date: string;
	featured?: boolean;
}

const pe = (item: Omit<DemoItem, 'kind'>): DemoItem => ({ kind: 'practice_example', ...item });

const ITEMS: DemoItem[] = [
	// The four regional communities of 2020.
	pe({
		title: 'Eén accountteam voor ondernemers in Groningen en Assen',
		summary:
			'Gemeenten en provincies in de regio Groningen-Assen bundelden hun accountmanagers in één team met een gedeeld klantbeeld, zodat een ondernemer nog maar één vaste contactpersoon heeft.',
		challenge:
			'Een groeiend bedrijf op de grens van twee gemeenten sprak met vier verschillende ambtenaren, die elk een deel van het verhaal kenden. Vragen bleven liggen en bedrijven haakten af.',
		approach:
			'- Een gezamenlijke klantkaart van de tweehonderd grootste mkb-bedrijven in de regio\n- Vaste koppels: één accountmanager per bedrijf, met een collega als achtervang\n- Elke maand een *klantentafel* waar lastige vragen samen worden opgepakt',
		result:
			'Binnen anderhalf jaar had **85 procent** van de bedrijven op de kaart een vaste contactpersoon. De gemiddelde doorlooptijd van een vraag daalde van zes naar twee weken.',
		lessons:
			'Begin klein met de bedrijven die je al kent en maak afspraken over wie de eigenaar van het contact is. Een gedeeld systeem helpt, maar de klantentafel deed het meeste.',
		costs: 'Ongeveer € 60.000 per jaar, gedeeld door de twee provincies en vier gemeenten.',
		mkbSegment: 'Groeiende maakbedrijven en zakelijke dienstverleners, 10 tot 250 medewerkers',
		period: '2020 – 2022',
		contact: 1,
		author: 1,
		coAuthors: [6],
		themes: ['Regionaal accountmanagement', 'Regionale samenwerking'],
		provinces: ['NL-GR', 'NL-DR'],
		organisations: [
			'Gemeente Groningen',
			'Gemeente Assen',
			'Provincie Groningen',
			'Provincie Drenthe'
		],
		date: '2022-03-14',
		featured: true
	}),
	pe({
		title: 'De DOE-agenda van Noordoost-Brabant',
		summary:
			'Ondernemers, onderwijs en overheden in Noordoost-Brabant schreven samen een doe-agenda met tien concrete acties voor het mkb, in plaats van nog een visiedocument.',
		challenge:
			'De regio had veel plannen, maar ondernemers zagen weinig gebeuren. Er was behoefte aan afspraken die binnen een jaar zichtbaar resultaat geven.',
		approach:
			'Drie werksessies met ondernemers uit de regio leverden zestig ideeën op. Een kleine kerngroep koos er tien, elk met een trekker uit het bedrijfsleven en een uit de overheid.',
		result:
			'Na een jaar waren zeven van de tien acties uitgevoerd, waaronder een gezamenlijk loket voor personeelsvragen en een vouchersregeling voor digitalisering waar 140 bedrijven gebruik van maakten.',
		lessons:
			'Laat ondernemers zelf kiezen wat eerst moet en geef elke actie twee trekkers. Wat geen trekker vond, hebben we bewust laten vallen.',
		costs:
			'Procesgeld van € 45.000 van de provincie; de acties zelf werden per actie gefinancierd.',
		mkbSegment: 'Het brede mkb, met nadruk op maakindustrie en agrofood',
		period: '2020 – 2021',
		contact: 27,
		author: 27,
		themes: ['Ondernemersecosysteem', 'Regionale samenwerking'],
		provinces: ['NL-NB'],
		organisations: ["Gemeente 's-Hertogenbosch", 'Gemeente Oss', 'Provincie Noord-Brabant'],
		date: '2021-11-02'
	}),
	pe({
		title: 'Regio Zwolle: leiderschap en nieuwe kennis in één programma',
		summary:
			'In Regio Zwolle leerden bestuurders, ambtenaren en ondernemers samen hoe regionaal leiderschap eruitziet, en legden ze wat ze leerden vast voor andere regio’s.',
		challenge:
			'De regio groeide snel, maar samenwerking hing af van een paar personen. Nieuwe mensen wisten niet waar ze moesten beginnen.',
		approach:
			'Een leergang van zes bijeenkomsten, steeds op locatie bij een bedrijf. Tussendoor onderzocht een hogeschool wat de deelnemers uitprobeerden.',
		result:
			'Veertig deelnemers uit twaalf gemeenten rondden de leergang af. Het onderzoek leverde een handreiking op die inmiddels in twee andere regio’s wordt gebruikt.',
		lessons:
			'Koppel leren aan echte opgaven uit de regio. Het onderzoek maakte de opbrengst overdraagbaar; zonder dat was het bij een goed gevoel gebleven.',
		costs:
			'€ 120.000 over twee jaar, betaald uit het regionale programma en een bijdrage van de provincie.',
		mkbSegment: 'Niet één segment: het ging om de ondersteuningsstructuur rond het mkb',
		period: '2020 – 2022',
		contact: 'coordinator',
		author: 'coordinator',
		coAuthors: [31],
		themes: ['Regionale samenwerking', 'Innovatie en concurrentiekracht'],
		provinces: ['NL-OV'],
		organisations: ['Gemeente Zwolle', 'Gemeente Deventer', 'Provincie Overijssel'],
		date: '2022-06-20',
		featured: true
	}),
	pe({
		title: 'Zuid-Holland: een ecosysteemkaart voor drie transities',
		summary:
			'Provincie en gemeenten in Zuid-Holland brachten in kaart wie ondernemers helpt met personeel, circulair werken en digitalisering, en ruimden overlap op.',
		challenge:
			'Een ondernemer die wilde verduurzamen, kon bij meer dan twintig loketten terecht. Niemand had overzicht, ook de loketten zelf niet.',
		approach:
			'We interviewden vijftig ondersteuners en zetten hun aanbod op één kaart per transitie: human capital, circulaire economie en digitalisering. Daarna spraken we af wie waarvoor de voordeur is.',
		result:
			'Het aantal voordeuren per transitie ging van gemiddeld zeven naar twee. Een online wegwijzer wordt maandelijks door ruim 1.500 ondernemers gebruikt.',
		lessons:
			'De kaart zelf was niet het doel: de gesprekken erover wel. Houd haar actueel, anders is ze na een jaar achterhaald.',
		costs:
			'€ 80.000, betaald door de provincie met een bijdrage van de G4-gemeenten in de provincie.',
		mkbSegment: 'Kleine bedrijven tot 50 medewerkers',
		period: '2020 – 2023',
		contact: 23,
		author: 23,
		coAuthors: [21],
		themes: ['Ondernemersecosysteem', 'Human capital', 'Circulaire economie', 'Digitalisering'],
		provinces: ['NL-ZH'],
		organisations: ['Provincie Zuid-Holland', 'Gemeente Rotterdam', 'Gemeente Den Haag'],
		date: '2023-02-08'
	}),
	// Practice examples across the country.
	pe({
		title: 'Digitale werkplaats voor winkeliers in Enschede',
		summary:
			'Een leegstaand winkelpand werd een werkplaats waar winkeliers met studenten hun webwinkel en sociale media op orde brengen.',
		challenge:
			'Veel zelfstandige winkeliers hadden geen tijd of kennis om online zichtbaar te worden.',
		approach:
			'Drie dagdelen per week begeleiden studenten van de hogeschool winkeliers één op één. Een bedrijfscontactfunctionaris brengt de winkeliers binnen.',
		result: '95 winkeliers in twee jaar; ruim de helft verkoopt nu ook online.',
		lessons:
			'Kom naar de ondernemer toe en plan kort. Een uur per week werkt beter dan een cursusdag.',
		costs: '€ 35.000 per jaar van gemeente en ondernemersvereniging samen.',
		mkbSegment: 'Detailhandel, zelfstandigen en kleine winkels',
		period: '2021 – 2023',
		contact: 8,
		author: 8,
		themes: ['Digitalisering', 'Herstel na de coronacrisis'],
		provinces: ['NL-OV'],
		organisations: ['Gemeente Enschede'],
		date: '2023-05-11'
	}),
	pe({
		title: 'Circulaire bouwhub in Nijmegen',
		summary:
			'Een hub waar aannemers hergebruikte bouwmaterialen ophalen en brengen, met de gemeente als eerste klant.',
		challenge:
			'Kleine aannemers wilden circulair bouwen, maar vonden geen betrouwbare aanvoer van gebruikte materialen.',
		approach:
			'De gemeente stelde grond beschikbaar en nam in eigen aanbestedingen een minimum aan hergebruikt materiaal op.',
		result: 'In het eerste jaar ging 1.800 ton materiaal via de hub; 60 aannemers deden mee.',
		lessons:
			'Een vaste afnemer maakt het verschil. Zonder de gemeentelijke vraag was de hub er niet gekomen.',
		costs:
			'€ 250.000 opstartkosten, gedeeld door gemeente, provincie en een regionale ontwikkelingsmaatschappij.',
		mkbSegment: 'Bouw en installatie, kleine aannemers',
		period: '2022 – heden',
		contact: 13,
		author: 13,
		themes: ['Circulaire economie', 'Verduurzaming'],
		provinces: ['NL-GE'],
		organisations: ['Gemeente Nijmegen', 'Provincie Gelderland'],
		date: '2024-01-22',
		featured: true
	}),
	pe({
		title: 'Energiescan voor bedrijventerreinen in Zeeland',
		summary:
			'Op vijf bedrijventerreinen kregen ondernemers een gratis energiescan en een collectief inkoopaanbod voor zonnepanelen.',
		challenge:
			'Energierekeningen stegen snel, maar kleine bedrijven wisten niet waar ze moesten beginnen.',
		approach:
			'Een adviseur bezocht elk bedrijf en maakte een scan met drie maatregelen. De parkmanagementorganisatie regelde collectieve inkoop.',
		result:
			'210 scans, 74 bedrijven namen zonnepanelen; samen besparen ze ongeveer 2 GWh per jaar.',
		lessons:
			'Werk via het parkmanagement: ondernemers vertrouwen hun buren eerder dan de overheid.',
		costs: '€ 150.000 van de provincie; de bedrijven betaalden hun eigen investering.',
		mkbSegment: 'Bedrijven op bedrijventerreinen, 5 tot 100 medewerkers',
		period: '2022 – 2023',
		contact: 24,
		author: 24,
		themes: ['Verduurzaming'],
		provinces: ['NL-ZE'],
		organisations: ['Provincie Zeeland'],
		date: '2023-09-04'
	}),
	pe({
		title: 'Leerwerkakkoord met techniekbedrijven in Eindhoven',
		summary:
			'Techniekbedrijven, mbo-scholen en de gemeente spraken af samen zij-instromers op te leiden, met een baangarantie na afloop.',
		challenge:
			'Kleine techniekbedrijven konden geen personeel vinden en hadden zelf geen tijd om op te leiden.',
		approach:
			'Een gedeelde leerwerkplek bij een van de bedrijven, met een docent van het mbo twee dagen per week ter plaatse.',
		result: '48 zij-instromers opgeleid, 41 daarvan werken nog bij een deelnemend bedrijf.',
		lessons: 'Deel de begeleiding: geen klein bedrijf kan dat alleen, samen lukt het wel.',
		costs:
			'€ 300.000 over drie jaar; gemeente, bedrijven en een sectorfonds betaalden elk een derde.',
		mkbSegment: 'Technische installatie en maakindustrie',
		period: '2021 – 2024',
		contact: 26,
		author: 26,
		themes: ['Human capital', 'Productiviteit'],
		provinces: ['NL-NB'],
		organisations: ['Gemeente Eindhoven'],
		date: '2024-03-18'
	}),
	pe({
		title: 'Exportcoach voor familiebedrijven in Limburg',
		summary:
			'Familiebedrijven in Zuid-Limburg kregen een exportcoach die hen hielp hun eerste stap over de grens naar Duitsland en België te zetten.',
		challenge:
			'De grens is dichtbij, maar kleine bedrijven zagen de regels en de taal als te grote drempel.',
		approach:
			'Een coach met ervaring aan beide kanten van de grens, plus een handelsmissie per jaar.',
		result: '35 bedrijven begeleid; 19 hebben nu vaste klanten over de grens.',
		lessons:
			'De eerste klant over de grens is het moeilijkst: help daar concreet bij, niet met algemene voorlichting.',
		costs: '€ 90.000 per jaar, grotendeels uit een grensoverschrijdend programma.',
		mkbSegment: 'Familiebedrijven in productie en groothandel',
		period: '2022 – 2024',
		contact: 28,
		author: 28,
		coAuthors: [30],
		themes: ['Internationalisering'],
		provinces: ['NL-LI'],
		organisations: ['Gemeente Maastricht', 'Provincie Limburg'],
		date: '2024-06-03'
	}),
	pe({
		title: 'Snelle overbruggingskrediet-desk in Almere',
		summary:
			'Tijdens de coronacrisis opende Almere een desk waar ondernemers binnen een week wisten op welke regeling ze recht hadden.',
		challenge: 'De regelingen stapelden zich op en ondernemers raakten het overzicht kwijt.',
		approach:
			'Eén telefoonnummer, een vast team van vijf adviseurs en afspraken met de KVK over doorverwijzen.',
		result: 'Ruim 2.000 ondernemers geholpen; 80 procent had binnen een week duidelijkheid.',
		lessons:
			'Een vaste bezetting en korte lijnen met uitvoeringsorganisaties zijn belangrijker dan een mooie website.',
		costs: '€ 400.000, betaald uit gemeentelijke crisismiddelen.',
		mkbSegment: 'Zzp’ers en kleine bedrijven in horeca, retail en diensten',
		period: '2020 – 2021',
		contact: 10,
		author: 10,
		themes: ['Herstel na de coronacrisis', 'Financiering'],
		provinces: ['NL-FL'],
		organisations: ['Gemeente Almere', 'Kamer van Koophandel (KVK)'],
		date: '2021-04-12'
	}),
	pe({
		title: 'Productiviteitsscan voor maakbedrijven in Twente en Salland',
		summary:
			'Studenten bedrijfskunde deden bij maakbedrijven een korte productiviteitsscan; de gemeente betaalde de begeleiding.',
		challenge:
			'Lage productiviteitsgroei bij kleinere maakbedrijven, die geen adviseur kunnen betalen.',
		approach:
			'Een scan van tien dagen per bedrijf, uitgevoerd door een duo studenten met een docent als coach.',
		result:
			'52 scans; gemiddeld vonden bedrijven drie verbeteringen die samen 8 procent tijd besparen.',
		lessons: 'Bedrijven willen vooral weten wat de buurman doet: organiseer een terugkomdag.',
		costs: '€ 40.000 per jaar van de gemeenten; bedrijven betalen € 500 eigen bijdrage.',
		mkbSegment: 'Maakbedrijven met 10 tot 100 medewerkers',
		period: '2023 – heden',
		contact: 31,
		author: 31,
		themes: ['Productiviteit', 'Innovatie en concurrentiekracht'],
		provinces: ['NL-OV'],
		organisations: ['Gemeente Deventer', 'Gemeente Enschede'],
		date: '2024-09-16'
	}),
	pe({
		title: 'Microkredieten voor starters in Rotterdam-Zuid',
		summary:
			'Starters zonder toegang tot de bank kregen een microkrediet met een vaste coach en een netwerk van ervaren ondernemers.',
		challenge: 'Starters in Rotterdam-Zuid kregen bij de bank vaak nee, ook met een goed plan.',
		approach:
			'Kredieten tot € 15.000 via een fonds, met een verplichte coach uit het netwerk van ondernemers.',
		result: '130 kredieten verstrekt, 88 procent wordt volgens plan terugbetaald.',
		lessons: 'Het geld is belangrijk, de coach doorslaggevend.',
		costs:
			'Een revolverend fonds van € 1,5 miljoen van de gemeente; de coaches zijn vrijwilligers.',
		mkbSegment: 'Starters en zzp’ers',
		period: '2021 – heden',
		contact: 21,
		author: 21,
		themes: ['Financiering', 'Ondernemersecosysteem'],
		provinces: ['NL-ZH'],
		organisations: ['Gemeente Rotterdam'],
		date: '2023-11-27'
	}),
	pe({
		title: 'Gezamenlijke bedrijfsbezoeken in Fryslân',
		summary:
			'Gemeente Leeuwarden en de provincie bezoeken bedrijven voortaan samen, met één verslag dat beide organisaties gebruiken.',
		challenge:
			'Bedrijven kregen in korte tijd bezoek van meerdere overheden, met steeds dezelfde vragen.',
		approach: 'Een gezamenlijke bezoekplanning en één vast format voor het gespreksverslag.',
		result: 'Dubbele bezoeken verdwenen vrijwel; in twee jaar 320 bezoeken met gedeelde opvolging.',
		lessons: 'Spreek vooraf af wie de vervolgvraag oppakt, anders blijft die alsnog liggen.',
		costs: 'Geen extra budget: het kostte vooral afstemming.',
		mkbSegment: 'Het brede mkb in de regio',
		period: '2021 – 2023',
		contact: 3,
		author: 3,
		coAuthors: [4],
		themes: ['Regionaal accountmanagement'],
		provinces: ['NL-FR'],
		organisations: ['Gemeente Leeuwarden', 'Provincie Fryslân'],
		date: '2023-03-30'
	}),
	pe({
		title: 'Circulaire voedselketen in de Drentse regio',
		summary:
			'Agrarische ondernemers en verwerkers in Drenthe maken van reststromen nieuwe producten, met hulp van een regionale makelaar.',
		challenge:
			'Reststromen uit de voedselverwerking werden afgevoerd terwijl anderen er grondstof in zagen.',
		approach:
			'Een makelaar die vraag en aanbod koppelt, en een kleine subsidie voor proefproductie.',
		result:
			'14 nieuwe ketens, onder meer veevoer uit groenteresten en verpakkingsmateriaal uit stro.',
		lessons:
			'Vertrouwen tussen bedrijven groeit langzaam; begin met partijen die elkaar al kennen.',
		costs: '€ 110.000 van de provincie over twee jaar.',
		mkbSegment: 'Agrofood en verwerkende bedrijven',
		period: '2022 – 2024',
		contact: 7,
		author: 7,
		themes: ['Circulaire economie', 'Innovatie en concurrentiekracht'],
		provinces: ['NL-DR'],
		organisations: ['Provincie Drenthe', 'Gemeente Emmen'],
		date: '2024-05-08'
	}),
	pe({
		title: 'Talentenpool voor de haven van Amsterdam',
		summary:
			'Havenbedrijven delen een pool van vakmensen die tussen bedrijven wisselen, zodat piekdrukte samen wordt opgevangen.',
		challenge:
			'Kleine havenbedrijven hadden pieken in werk en konden vakmensen niet het hele jaar betalen.',
		approach:
			'Een gedeelde werkgeverschapsconstructie met vaste contracten, gecoördineerd door de gemeente.',
		result:
			'60 vakmensen in de pool, verdeeld over 22 bedrijven; het verloop daalde met een derde.',
		lessons: 'Regel het werkgeverschap goed juridisch; de rest volgt.',
		costs: '€ 200.000 opstart, daarna betalen bedrijven per ingezet uur.',
		mkbSegment: 'Logistiek en havengebonden dienstverlening',
		period: '2022 – heden',
		contact: 18,
		author: 18,
		themes: ['Human capital', 'Productiviteit'],
		provinces: ['NL-NH'],
		organisations: ['Gemeente Amsterdam'],
		date: '2024-10-01'
	}),
	pe({
		title: 'Innovatievouchers in Utrecht: kleine bedragen, snel beslist',
		summary:
			'Utrecht gaf vouchers van € 5.000 voor samenwerking met een kennisinstelling, met een besluit binnen tien werkdagen.',
		challenge: 'Bestaande regelingen waren te ingewikkeld voor kleine bedrijven.',
		approach: 'Een aanvraag van één pagina en een kleine commissie die wekelijks beslist.',
		result:
			'175 vouchers; een op de drie projecten leidde tot een nieuw product of een nieuwe dienst.',
		lessons: 'Snelheid is voor kleine bedrijven belangrijker dan de hoogte van het bedrag.',
		costs: '€ 875.000 aan vouchers over drie jaar, van gemeente en provincie.',
		mkbSegment: 'Innovatieve kleine bedrijven en starters',
		period: '2021 – 2024',
		contact: 16,
		author: 16,
		themes: ['Innovatie en concurrentiekracht', 'Financiering'],
		provinces: ['NL-UT'],
		organisations: ['Gemeente Utrecht', 'Provincie Utrecht'],
		date: '2024-11-12'
	}),
	pe({
		title: 'Haarlem helpt horeca verduurzamen',
		summary:
			'Horecaondernemers in Haarlem kregen samen een energiecoach en een inkoopcollectief voor zuinige keukenapparatuur.',
		challenge: 'Hoge energiekosten na de crisis, en geen tijd om zelf uit te zoeken wat helpt.',
		approach: 'Een coach per straat en collectieve inkoop via de horecavereniging.',
		result: '64 zaken deden mee; het gemiddelde verbruik daalde met 18 procent.',
		lessons: 'Werk per straat: ondernemers kijken naar hun buren.',
		costs: '€ 70.000 van de gemeente; apparatuur betaalden de ondernemers zelf.',
		mkbSegment: 'Horeca',
		period: '2023',
		contact: 19,
		author: 19,
		themes: ['Verduurzaming', 'Herstel na de coronacrisis'],
		provinces: ['NL-NH'],
		organisations: ['Gemeente Haarlem'],
		date: '2023-12-05'
	}),
	pe({
		title: 'Grensoverschrijdend ondernemersloket in Venlo',
		summary:
			'Een loket voor ondernemers die in Duitsland willen werken of personeel van over de grens aannemen.',
		challenge: 'Vragen over belasting, sociale zekerheid en diploma’s bleven onbeantwoord.',
		approach:
			'Een gezamenlijk loket met de Duitse buurgemeente en de KVK, twee dagen per week open.',
		result:
			'Ruim 900 vragen per jaar; de helft komt van ondernemers met minder dan tien medewerkers.',
		lessons: 'Zorg voor experts van beide kanten aan dezelfde tafel.',
		costs: '€ 95.000 per jaar, gedeeld met de Duitse partners.',
		mkbSegment: 'Kleine bedrijven in de grensregio',
		period: '2022 – heden',
		contact: 29,
		author: 29,
		themes: ['Internationalisering', 'Human capital'],
		provinces: ['NL-LI'],
		organisations: ['Gemeente Venlo', 'Kamer van Koophandel (KVK)'],
		date: '2023-07-19'
	}),
	pe({
		title: 'Digitale basisvaardigheden voor bouwbedrijven in Flevoland',
		summary:
			'Bouwbedrijven leerden werken met digitale planning en facturatie in korte praktijksessies op de bouwplaats.',
		challenge: 'Kleine bouwbedrijven werkten nog met papier en liepen opdrachten mis.',
		approach: 'Sessies van een uur in de schaftkeet, gegeven door een ervaren uitvoerder.',
		result: '40 bedrijven, 220 medewerkers; de meeste bedrijven factureren nu digitaal.',
		lessons: 'Ga naar de bouwplaats; een cursuszaal trekt deze doelgroep niet.',
		costs: '€ 55.000 van de provincie.',
		mkbSegment: 'Bouw, bedrijven tot 25 medewerkers',
		period: '2023 – 2024',
		contact: 12,
		author: 12,
		coAuthors: [11],
		themes: ['Digitalisering', 'Productiviteit'],
		provinces: ['NL-FL'],
		organisations: ['Provincie Flevoland', 'Gemeente Lelystad'],
		date: '2024-08-26'
	}),
	pe({
		title: 'MKB-Deal: samen inkopen voor kleine winkels in Groningen',
		summary:
			'Een MKB-Deal waarin winkeliers samen inkopen en gezamenlijk bezorgen, met steun van de ondernemersorganisatie.',
		challenge: 'Kleine winkels konden niet concurreren met de inkoopvoorwaarden van ketens.',
		approach: 'Een coöperatie voor inkoop en bezorging, opgezet binnen een MKB-Deal.',
		result: '38 winkels doen mee; de inkoopkosten daalden gemiddeld met 6 procent.',
		lessons: 'Een coöperatie kost tijd om op te zetten: reken op een jaar voordat het loopt.',
		costs: '€ 65.000 uit de MKB-Deal, aangevuld door de deelnemers.',
		mkbSegment: 'Detailhandel',
		period: '2022 – 2024',
		contact: 39,
		author: 2,
		themes: ['Ondernemersecosysteem', 'Productiviteit'],
		provinces: ['NL-GR'],
		organisations: ['MKB-Nederland', 'Provincie Groningen'],
		visibility: 'network',
		network: 'mkb-deals',
		date: '2024-02-14'
	}),
	pe({
		title: 'Breda en Tilburg delen een scale-upprogramma',
		summary:
			'Twee steden bundelen hun aanbod voor groeiende bedrijven in één programma met gedeelde mentoren.',
		challenge: 'Beide steden hadden een eigen programma met te weinig deelnemers.',
		approach: 'Eén programma, afwisselend in beide steden, met mentoren uit het bedrijfsleven.',
		result:
			'Drie lichtingen van vijftien bedrijven; de deelnemers groeiden gemiddeld 20 procent in omzet.',
		lessons: 'Bundelen vroeg dat beide steden iets loslieten. Dat was het moeilijkste deel.',
		costs: '€ 180.000 per jaar, gedeeld door de twee gemeenten.',
		mkbSegment: 'Groeiende bedrijven van 10 tot 50 medewerkers',
		period: '2023 – heden',
		contact: 34,
		author: 34,
		coAuthors: [33],
		themes: ['Innovatie en concurrentiekracht', 'Regionale samenwerking'],
		provinces: ['NL-NB'],
		organisations: ['Gemeente Breda', 'Gemeente Tilburg'],
		visibility: 'members',
		date: '2025-01-20'
	}),
	pe({
		title: 'Werkgeversservicepunt voor statushouders in Leiden',
		summary:
			'Werkgevers in Leiden vinden via één servicepunt statushouders met een passende opleiding.',
		challenge: 'Werkgevers zochten personeel, statushouders werk, maar ze vonden elkaar niet.',
		approach:
			'Een matchmaker die bedrijven bezoekt en kandidaten voorbereidt, met een taalcoach op de werkvloer.',
		result: '85 plaatsingen in twee jaar, waarvan 70 nog aan het werk.',
		lessons: 'De taalcoach op de werkvloer maakte het verschil voor werkgevers.',
		costs: '€ 120.000 per jaar van de gemeente.',
		mkbSegment: 'Kleine werkgevers in zorg, techniek en logistiek',
		period: '2022 – 2024',
		contact: 35,
		author: 35,
		themes: ['Human capital'],
		provinces: ['NL-ZH'],
		organisations: ['Gemeente Leiden'],
		date: '2024-12-09'
	}),
	pe({
		title: 'Apeldoorn: accountmanagement voor de vrijetijdseconomie',
		summary:
			'Apeldoorn gaf recreatieondernemers een eigen accountmanager en een jaarlijkse ronde langs alle parken.',
		challenge: 'Recreatiebedrijven voelden zich niet gezien door de gemeente.',
		approach:
			'Een vaste accountmanager, een jaarlijks bezoek en een kwartaaloverleg met de branche.',
		result: 'Alle 70 parken bezocht; vergunningtrajecten gingen sneller door vroege afstemming.',
		lessons: 'Aandacht is een dienst op zich; maar beloof alleen wat je kunt waarmaken.',
		costs: 'Een halve formatieplaats, binnen het bestaande budget.',
		mkbSegment: 'Recreatie en toerisme',
		period: '2021 – heden',
		contact: 32,
		author: 32,
		themes: ['Regionaal accountmanagement', 'Verduurzaming'],
		provinces: ['NL-GE'],
		organisations: ['Gemeente Apeldoorn'],
		date: '2022-10-17'
	}),
	pe({
		title: 'Heerlen: herstelplan voor de binnenstad na corona',
		summary:
			'Ondernemers en gemeente maakten samen een herstelplan voor de binnenstad, met tijdelijke huurkorting voor nieuwe concepten.',
		challenge: 'Na de lockdowns stond een op de vijf panden leeg.',
		approach:
			'Een pandeigenarenoverleg, een huurkortingsregeling van twee jaar en een binnenstadsmanager.',
		result: 'De leegstand daalde van 20 naar 11 procent; 27 nieuwe ondernemers vestigden zich.',
		lessons: 'Pandeigenaren zijn de sleutel; zonder hen aan tafel kom je niet verder.',
		costs: '€ 600.000 over twee jaar, van gemeente en provincie.',
		mkbSegment: 'Retail, horeca en creatieve bedrijven',
		period: '2021 – 2023',
		contact: 30,
		author: 30,
		themes: ['Herstel na de coronacrisis', 'Ondernemersecosysteem'],
		provinces: ['NL-LI'],
		organisations: ['Gemeente Heerlen', 'Provincie Limburg'],
		date: '2023-06-07'
	}),
	pe({
		title: 'Zaanstad: voedselbedrijven delen één duurzaamheidsadviseur',
		summary:
			'Tien voedselverwerkers in Zaanstad huren samen een duurzaamheidsadviseur in voor energie en reststromen.',
		challenge: 'Elk bedrijf alleen was te klein voor een eigen specialist.',
		approach: 'Een gedeelde adviseur, twee dagen per week, met een gezamenlijk jaarplan.',
		result: 'Samen 12 procent minder energie en drie nieuwe afzetkanalen voor reststromen.',
		lessons: 'Een gedeeld jaarplan houdt iedereen betrokken.',
		costs: '€ 85.000 per jaar, door de bedrijven betaald met een startbijdrage van de gemeente.',
		mkbSegment: 'Voedselverwerking',
		period: '2023 – heden',
		contact: 20,
		author: 20,
		themes: ['Circulaire economie', 'Verduurzaming'],
		provinces: ['NL-NH'],
		organisations: ['Gemeente Zaanstad', 'Provincie Noord-Holland'],
		draft: true,
		date: '2025-03-03'
	}),
	// Insights.
	{
		kind: 'insight',
		title: 'Vijf lessen over één loket voor ondernemers',
		summary:
			'Wat gemeenten leerden toen ze hun dienstverlening aan ondernemers bundelden in één loket.',
		body: '## Wat werkt\n\n1. **Eén telefoonnummer** dat ook echt wordt opgenomen.\n2. Een vaste contactpersoon die de vraag blijft volgen.\n3. Afspraken met KVK en RVO over doorverwijzen.\n4. Terugbellen binnen twee werkdagen, ook als het antwoord nog niet klaar is.\n5. Eén keer per jaar vragen wat ondernemers ervan vinden.\n\n> Een loket is geen balie maar een belofte.',
		author: 17,
		themes: ['Ondernemersecosysteem', 'Regionaal accountmanagement'],
		provinces: ['NL-UT'],
		organisations: ['Gemeente Amersfoort'],
		date: '2022-09-12'
	},
	{
		kind: 'insight',
		title: 'Waarom kleine bedrijven digitaliseren in kleine stappen',
		summary:
			'Een inzicht uit gesprekken met honderd ondernemers: grote digitaliseringstrajecten schrikken af.',
		body: 'Ondernemers die we spraken wilden vooral weten wat ze **morgen** anders kunnen doen. Een traject van een jaar past niet in hun agenda. Korte, concrete stappen, zoals digitaal factureren of een online agenda, geven vertrouwen voor de volgende stap.\n\nVoor ondersteuners betekent dit: bied losse modules aan en vraag niet om een groot commitment vooraf.',
		author: 14,
		themes: ['Digitalisering'],
		provinces: ['NL-GE'],
		organisations: ['Gemeente Arnhem'],
		date: '2023-01-25'
	},
	{
		kind: 'insight',
		title: 'Accountmanagers: meet relaties, niet alleen bezoeken',
		summary:
			'Het aantal bedrijfsbezoeken zegt weinig; de kwaliteit van de relatie wel. Een voorstel voor betere indicatoren.',
		body: 'Veel gemeenten sturen op het aantal bezoeken. Dat leidt tot korte kennismakingen zonder vervolg. Beter is het om te volgen:\n\n- hoeveel vragen van ondernemers binnen een maand zijn opgepakt;\n- hoeveel bedrijven uit zichzelf contact opnemen;\n- hoe ondernemers de relatie waarderen.\n\nDeze indicatoren vragen meer werk, maar vertellen of het accountmanagement werkt.',
		author: 5,
		themes: ['Regionaal accountmanagement'],
		provinces: ['NL-DR'],
		organisations: ['Gemeente Emmen'],
		date: '2024-04-15'
	},
	{
		kind: 'insight',
		title: 'Circulair inkopen begint bij de eigen gemeente',
		summary:
			'Gemeenten kunnen de markt voor circulaire producten op gang helpen door zelf als eerste klant op te treden.',
		body: 'In verschillende praktijkvoorbeelden zien we hetzelfde patroon: pas als de gemeente zelf circulair inkoopt, durven kleine leveranciers te investeren. Een vaste afnemer verlaagt het risico. Begin met kleine, overzichtelijke opdrachten, zoals meubilair of groenonderhoud.',
		author: 9,
		themes: ['Circulaire economie'],
		provinces: ['NL-OV'],
		organisations: ['Provincie Overijssel'],
		date: '2023-10-09'
	},
	{
		kind: 'insight',
		title: 'Financiering voor het mkb: de weg is het probleem, niet het geld',
		summary: 'Er zijn genoeg regelingen. Ondernemers vinden alleen de weg er niet naartoe.',
		body: 'Uit een rondgang langs regionale ontwikkelingsmaatschappijen blijkt dat veel fondsen geld over hebben. Kleine bedrijven weten niet welke regeling bij hen past. Een **financieringsadviseur** die meekijkt voordat de aanvraag begint, levert meer op dan een nieuwe regeling.',
		author: 25,
		themes: ['Financiering'],
		provinces: ['NL-ZE', 'NL-NB'],
		organisations: ['Kamer van Koophandel (KVK)'],
		date: '2024-07-01'
	},
	{
		kind: 'insight',
		title: 'Human capital-akkoorden: wat de regio’s verschillend doen',
		summary:
			'Een vergelijking van vier regionale akkoorden over personeel, met wat elk van de ander kan leren.',
		body: 'We legden vier akkoorden naast elkaar. Het noorden zet in op omscholing, het zuiden op techniekonderwijs, de Randstad op arbeidsmigratie en het oosten op behoud van jongeren. Wat ze delen: **werkgevers moeten mee aan tafel** vanaf het begin.',
		author: 'editor',
		themes: ['Human capital', 'Regionale samenwerking'],
		provinces: ['NL-GR', 'NL-NB', 'NL-ZH', 'NL-OV'],
		organisations: ['Rijksdienst voor Ondernemend Nederland (RVO)'],
		date: '2025-02-11'
	},
	{
		kind: 'insight',
		title: 'Internationaliseren: begin bij de buren',
		summary:
			'Voor veel kleine bedrijven is de eerste exportmarkt gewoon over de grens. Zo ondersteun je dat.',
		body: 'Exportprogramma’s richten zich vaak op verre markten. Voor kleine bedrijven in grensregio’s ligt de kans dichterbij. Korte lijnen met buitenlandse kamers van koophandel en praktische hulp bij regels zijn daar het meest waardevol.',
		author: 15,
		themes: ['Internationalisering'],
		provinces: ['NL-GE', 'NL-LI'],
		organisations: ['Provincie Gelderland'],
		date: '2024-10-21'
	},
	{
		kind: 'insight',
		title: 'Zo houd je een regionaal netwerk levend na de subsidie',
		summary: 'Veel netwerken stoppen als het geld op is. Drie dingen die helpen om door te gaan.',
		body: '1. Geef het netwerk een eigen doel dat los staat van de subsidie.\n2. Wissel het voorzitterschap, zodat het niet van één persoon afhangt.\n3. Maak de opbrengst zichtbaar voor bestuurders, elk jaar opnieuw.',
		author: 'coordinator',
		themes: ['Regionale samenwerking'],
		provinces: ['NL-OV'],
		organisations: ['Gemeente Zwolle'],
		visibility: 'members',
		date: '2025-04-07'
	},
	{
		kind: 'insight',
		title: 'Wat provincies van elkaar leren over mkb-beleid',
		summary:
			'Uit het netwerk van EZ-medewerkers: waar provincies elkaars aanpak overnamen en waarom.',
		body: 'In het netwerk delen provincies hun aanpak. Drie voorbeelden werden overgenomen: de energiescan voor bedrijventerreinen, de vouchers met snelle besluitvorming en het gezamenlijke bedrijfsbezoek. Wat ze gemeen hebben: ze zijn eenvoudig uit te leggen.',
		author: 4,
		themes: ['Regionale samenwerking', 'Innovatie en concurrentiekracht'],
		provinces: ['NL-FR', 'NL-ZE', 'NL-UT'],
		organisations: ['Provincie Fryslân'],
		visibility: 'network',
		network: 'ez-medewerkers-van-provincies',
		date: '2025-05-19'
	},
	// Publications.
	{
		kind: 'publication',
		title: 'Handreiking regionaal accountmanagement',
		summary:
			'Een praktische handreiking voor gemeenten en provincies die hun accountmanagement regionaal willen organiseren.',
		body: 'De handreiking bevat:\n\n- een stappenplan voor een gezamenlijke klantkaart;\n- voorbeeldafspraken over wie de eigenaar van een relatie is;\n- een format voor een klantentafel;\n- indicatoren om te volgen of het werkt.\n\nDe handreiking is gebaseerd op de ervaringen in vier regio’s.',
		author: 'editor',
		coAuthors: [1],
		themes: ['Regionaal accountmanagement', 'Regionale samenwerking'],
		provinces: ['NL-GR', 'NL-DR', 'NL-OV'],
		organisations: ['Platform31'],
		date: '2022-11-28',
		featured: false
	},
	{
		kind: 'publication',
		title: 'Monitor brede mkb 2024',
		summary: 'Cijfers over groei, productiviteit en personeel in het brede mkb, per provincie.',
		body: 'De monitor laat zien dat de productiviteit in het brede mkb achterblijft bij die van grote bedrijven, met grote verschillen tussen regio’s. Het personeelstekort is in alle provincies de grootste zorg van ondernemers. De volledige tabellen staan per provincie in de bijlage.',
		author: 'editor',
		themes: ['Productiviteit', 'Human capital'],
		provinces: [
			'NL-GR',
			'NL-FR',
			'NL-DR',
			'NL-OV',
			'NL-FL',
			'NL-GE',
			'NL-UT',
			'NL-NH',
			'NL-ZH',
			'NL-ZE',
			'NL-NB',
			'NL-LI'
		],
		organisations: ['Ministerie van Economische Zaken en Klimaat (EZK)'],
		date: '2024-12-16'
	},
	{
		kind: 'publication',
		title: 'Verkenning: de rol van gemeenten in de energietransitie van het mkb',
		summary:
			'Een verkenning van wat gemeenten kunnen doen om kleine bedrijven te helpen verduurzamen.',
		body: 'De verkenning onderscheidt drie rollen: **aanjager**, **verbinder** en **afnemer**. Gemeenten die alle drie de rollen pakken, bereiken meer bedrijven. De verkenning sluit af met tien vragen voor een gesprek in de eigen organisatie.',
		author: 22,
		themes: ['Verduurzaming'],
		provinces: ['NL-ZH'],
		organisations: ['Gemeente Den Haag', 'Vereniging van Nederlandse Gemeenten (VNG)'],
		date: '2023-08-14'
	},
	{
		kind: 'publication',
		title: 'Factsheet: ondersteuning bij internationaal ondernemen',
		summary:
			'Een overzicht van de ondersteuning bij exporteren en grensoverschrijdend ondernemen, op één A4.',
		body: 'Op één pagina: welke organisatie helpt met welke vraag, van marktverkenning tot exportfinanciering. Bedoeld voor accountmanagers die ondernemers snel willen doorverwijzen.',
		author: 'editor',
		themes: ['Internationalisering', 'Financiering'],
		provinces: ['NL-UT'],
		organisations: ['Rijksdienst voor Ondernemend Nederland (RVO)', 'Kamer van Koophandel (KVK)'],
		date: '2025-06-02'
	},
	{
		kind: 'publication',
		title: 'Terugblik op drie jaar herstelbeleid voor het mkb',
		summary:
			'Wat het herstelbeleid na de coronacrisis opleverde en wat blijvend is veranderd in de dienstverlening.',
		body: 'Het herstelbeleid bracht gemeenten dichter bij ondernemers. Veel tijdelijke loketten zijn blijvend geworden. De publicatie beschrijft per thema wat werkte en wat niet, met voorbeelden uit twaalf gemeenten.',
		author: 'editor',
		themes: ['Herstel na de coronacrisis'],
		provinces: ['NL-FL', 'NL-LI', 'NL-NH'],
		organisations: ['G40-stedennetwerk'],
		visibility: 'members',
		date: '2023-04-24'
	},
	// Session reports.
	{
		kind: 'report',
		title: 'Verslag leerbijeenkomst: circulair ondernemen in de regio',
		summary:
			'Verslag van een leerbijeenkomst waarin vier gemeenten hun aanpak voor circulair ondernemen vergeleken.',
		body: '## Wat we bespraken\n\nVier gemeenten presenteerden hun aanpak. Daarna werkten de deelnemers in groepen aan de vraag hoe je kleine bedrijven betrekt.\n\n## Wat we meenemen\n\n- Begin bij bedrijven die al bezig zijn.\n- Koppel circulair werken aan kostenbesparing.\n- Zorg voor een vaste afnemer.',
		author: 'coordinator',
		themes: ['Circulaire economie'],
		provinces: ['NL-OV', 'NL-GE', 'NL-NH'],
		organisations: ['Gemeente Zwolle', 'Gemeente Nijmegen'],
		date: '2023-05-30'
	},
	{
		kind: 'report',
		title: 'Verslag webinar: personeel vinden en binden',
		summary:
			'Drie sprekers over hoe kleine werkgevers personeel vinden en houden, met vragen uit de chat.',
		body: 'Een accountmanager, een ondernemer en een onderzoeker deelden hun ervaring. De belangrijkste boodschap: **binden is belangrijker dan vinden**. Kleine werkgevers kunnen goed concurreren op werksfeer en flexibiliteit.',
		author: 21,
		themes: ['Human capital'],
		provinces: ['NL-ZH', 'NL-NB'],
		organisations: ['Gemeente Rotterdam'],
		date: '2024-02-27'
	},
	{
		kind: 'report',
		title: 'Verslag excursie naar de circulaire bouwhub',
		summary:
			'Een groep accountmanagers bezocht de bouwhub in Nijmegen en sprak met aannemers die er materialen halen.',
		body: 'De deelnemers zagen hoe de hub werkt en spraken met drie aannemers. Opvallend: de aannemers noemden de gemeente als vaste klant de belangrijkste reden om mee te doen.',
		author: 13,
		themes: ['Circulaire economie', 'Regionaal accountmanagement'],
		provinces: ['NL-GE'],
		organisations: ['Gemeente Nijmegen'],
		date: '2024-06-25'
	},
	{
		kind: 'report',
		title: 'Verslag netwerkbijeenkomst accountmanagers',
		summary:
			'Wat accountmanagers uit het hele land bespraken over klantbeelden, privacy en samenwerken met de KVK.',
		body: 'De bijeenkomst ging over drie vragen: hoe deel je een klantbeeld zonder privacyproblemen, hoe werk je samen met de KVK, en hoe meet je of accountmanagement werkt. Voor elke vraag is een werkgroep gestart.',
		author: 11,
		themes: ['Regionaal accountmanagement'],
		provinces: ['NL-FL', 'NL-UT'],
		organisations: ['Gemeente Lelystad'],
		visibility: 'network',
		network: 'accountmanagers-en-bedrijfscontactfunctionarissen',
		date: '2025-03-25'
	},
	{
		kind: 'report',
		title: 'Verslag leerwerkbijeenkomst digitalisering in het mkb',
		summary:
			'Twintig deelnemers werkten een middag aan de vraag hoe je kleine bedrijven helpt digitaliseren.',
		body: 'Na een korte inleiding gingen de deelnemers in drie groepen aan de slag met een casus uit Enschede, Almere en Leiden. Elke groep bedacht een eerste stap die binnen een maand kan worden gezet.',
		author: 8,
		coAuthors: [35],
		themes: ['Digitalisering'],
		provinces: ['NL-OV', 'NL-FL', 'NL-ZH'],
		organisations: ['Gemeente Enschede', 'Gemeente Leiden'],
		date: '2025-05-13'
	},
	{
		kind: 'report',
		title: 'Verslag bijeenkomst financiering voor starters',
		summary: 'Een concept-verslag van een bijeenkomst over microkredieten en starterscoaching.',
		body: 'Concept. De sprekers vertelden over microkredieten in Rotterdam en starterscoaching in Utrecht. Het verslag wordt nog aangevuld met de vragen uit de zaal.',
		author: 16,
		themes: ['Financiering'],
		provinces: ['NL-UT', 'NL-ZH'],
		organisations: ['Gemeente Utrecht'],
		draft: true,
		date: '2025-06-16'
	}
];

/** Adoptions: [item title, demo member number, how]. Members of other organisations. */
const ADOPTIONS: [string, number, string][] = [
	[
		'Eén accountteam voor ondernemers in Groningen en Assen',
		3,
		'Wij werken sinds dit jaar met een klantentafel voor de regio Leeuwarden.'
	],
	[
		'Eén accountteam voor ondernemers in Groningen en Assen',
		28,
		'Maastricht en Heerlen delen nu één klantkaart voor de grootste bedrijven.'
	],
	[
		'Energiescan voor bedrijventerreinen in Zeeland',
		9,
		'We bieden de scan aan op drie terreinen in Overijssel.'
	],
	[
		'Circulaire bouwhub in Nijmegen',
		19,
		'Haarlem start een kleinere hub voor hergebruikte bouwmaterialen.'
	],
	[
		'De DOE-agenda van Noordoost-Brabant',
		23,
		'Zuid-Holland gebruikt dezelfde werkwijze met werksessies voor een eigen agenda.'
	],
	[
		'Regio Zwolle: leiderschap en nieuwe kennis in één programma',
		13,
		'Nijmegen begint een leergang voor bestuurders en ondernemers.'
	]
];

const COMMENTS: [string, number, string][] = [
	[
		'Eén accountteam voor ondernemers in Groningen en Assen',
		17,
		'Mooi voorbeeld! Hoe hebben jullie de **privacy** van het klantbeeld geregeld?'
	],
	[
		'Eén accountteam voor ondernemers in Groningen en Assen',
		1,
		'We delen alleen gegevens die bedrijven zelf openbaar maken, plus de afspraken uit het gesprek met hun toestemming.'
	],
	['Circulaire bouwhub in Nijmegen', 29, 'Venlo denkt aan iets vergelijkbaars. Mag ik je bellen?'],
	[
		'Vijf lessen over één loket voor ondernemers',
		10,
		'Punt vier herken ik: terugbellen scheelt veel frustratie.'
	]
];

const USEFUL: [string, number[]][] = [
	['Eén accountteam voor ondernemers in Groningen en Assen', [2, 3, 5, 9, 17, 28]],
	['Circulaire bouwhub in Nijmegen', [9, 19, 24, 29]],
	['De DOE-agenda van Noordoost-Brabant', [23, 26, 33]],
	['Vijf lessen over één loket voor ondernemers', [10, 14]],
	['Handreiking regionaal accountmanagement', [5, 11, 32]],
	['Monitor brede mkb 2024', [4]]
];

export async function seedDemoKnowledge(db: DB): Promise<boolean> {
	const existing = await db.selectFrom('knowledge_items').select('id').limit(1).execute();
	if (existing.length > 0) return false;
	const emailOf = (a: Author) =>
		a === 'editor'
			? DEMO_EDITOR_EMAIL
			: a === 'coordinator'
				? DEMO_COORDINATOR_EMAIL
				: demoMemberEmail(a);
	const users = new Map(
		(
			await db.selectFrom('users').select(['id', 'email']).where('is_demo', '=', true).execute()
		).map((u) => [u.email, u.id])
	);
	if (!users.has(DEMO_EDITOR_EMAIL)) return false;
	const idOf = (a: Author) => users.get(emailOf(a));

	const ids = new Map<string, string>();
	for (const item of ITEMS) {
		const writerId = idOf(item.author);
		if (!writerId) continue;
		const input = knowledgeInputSchema.parse({
			kind: item.kind,
			title: item.title,
			summary: item.summary,
			body: item.body ?? '',
			challenge: item.challenge ?? '',
			approach: item.approach ?? '',
			result: item.result ?? '',
			lessons: item.lessons ?? '',
			costs: item.costs ?? '',
			mkbSegment: item.mkbSegment ?? '',
			period: item.period ?? '',
			contact: item.contact ? emailOf(item.contact) : '',
			coAuthors: (item.coAuthors ?? []).map(emailOf),
			themes: item.themes.map(slugify),
			provinces: item.provinces,
			organisations: item.organisations.map(slugify),
			visibility: item.visibility ?? 'public',
			network: item.network ?? ''
		});
		const at = new Date(`${item.date}T09:00:00.000Z`).toISOString();
		const created = await createItem(db, { writerId, input, publish: !item.draft, at });
		if (!created.ok) throw new Error(`Demo knowledge "${item.title}": ${created.reason}`);
		ids.set(item.title, created.id);
		if (item.featured) await setFeatured(db, { itemId: created.id, featured: true });
	}

	for (const [title, member, note] of ADOPTIONS) {
		const itemId = ids.get(title);
		const userId = idOf(member);
		if (itemId && userId) await adoptItem(db, { itemId, userId, note });
	}
	for (const [title, member, body] of COMMENTS) {
		const itemId = ids.get(title);
		const userId = idOf(member);
		if (itemId && userId) await addComment(db, { itemId, authorId: userId, body });
	}
	for (const [title, members] of USEFUL) {
		const itemId = ids.get(title);
		for (const member of members) {
			const userId = idOf(member);
			if (itemId && userId) await toggleUseful(db, { itemId, userId });
		}
	}
	// Views: a plausible spread, older items seen more often.
	let n = 0;
	for (const itemId of ids.values()) {
		n++;
		await db
			.updateTable('knowledge_items')
			.set({ view_count: sql<number>`useful_count * 12 + ${(n * 37) % 90}` })
			.where('id', '=', itemId)
			.where('status', '=', 'published')
			.execute();
	}
	return true;
}
