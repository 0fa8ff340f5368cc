import { randomUUID } from 'node:crypto';
import { slugify } from '../../platform/slug';
import type { DB } from '../index';
import type { NetworkKind, JoinPolicy } from '../tables/networks';
import reference from '../nl-reference.json' with { type: 'json' };

/**
 * Seeds the reference facts (nl-reference.json) idempotently: running it twice changes nothing,
 * running it after the facts changed updates names in place and keeps every id.
 */

/** Our own mapping of the partner organisations onto the organisation types. */
const PARTNER_TYPES: Record<string, string> = {
	Platform31: 'Kennisinstelling',
	'Ministerie van Economische Zaken en Klimaat (EZK)': 'Rijksoverheid',
	'G40-stedennetwerk': 'Netwerkorganisatie',
	'Vereniging van Nederlandse Gemeenten (VNG)': 'Netwerkorganisatie',
	'Interprovinciaal Overleg (IPO)': 'Netwerkorganisatie',
	'MKB-Nederland': 'Ondernemersorganisatie',
	'Kamer van Koophandel (KVK)': 'Uitvoeringsorganisatie (KVK, RVO)',
	'Rijksdienst voor Ondernemend Nederland (RVO)': 'Uitvoeringsorganisatie (KVK, RVO)',
	'Stichting CLOK': 'Netwerkorganisatie'
};

const PARTNER_SITES: Record<string, string> = {
	Platform31: 'https://www.platform31.nl',
	'Ministerie van Economische Zaken en Klimaat (EZK)': 'https://www.rijksoverheid.nl',
	'Vereniging van Nederlandse Gemeenten (VNG)': 'https://vng.nl',
	'Interprovinciaal Overleg (IPO)': 'https://www.ipo.nl',
	'MKB-Nederland': 'https://www.mkb.nl',
	'Kamer van Koophandel (KVK)': 'https://www.kvk.nl',
	'Rijksdienst voor Ondernemend Nederland (RVO)': 'https://www.rvo.nl'
};

interface NetworkSeed {
	name: string;
	kind: NetworkKind;
	joinPolicy: JoinPolicy;
	summary: string;
	description: string;
	audience: string;
	provinces: string[];
	themes: string[];
}

const THEMATIC: Record<string, Omit<NetworkSeed, 'name' | 'kind' | 'audience' | 'provinces'>> = {
	'EZ-medewerkers van provincies': {
		joinPolicy: 'request',
		summary:
			'Provinciale beleidsmakers economie delen hoe zij het mkb in hun provincie ondersteunen.',
		description:
			'In dit netwerk vergelijken de twaalf provincies hun aanpak voor het brede mkb: welke regelingen werken, hoe je samenwerkt met gemeenten en regionale ontwikkelingsmaatschappijen en wat je leert van de evaluaties. Leden stellen elkaar vragen, delen stukken en komen een paar keer per jaar bij elkaar.',
		themes: ['Regionale samenwerking', 'Ondernemersecosysteem', 'Financiering']
	},
	'MKB-Deals': {
		joinPolicy: 'open',
		summary: 'Uitvoerders van MKB-Deals wisselen ervaringen uit over wat een deal laat slagen.',
		description:
			'Wie een MKB-Deal uitvoert, loopt tegen vergelijkbare vragen aan: hoe bereik je ondernemers, hoe houd je partners betrokken en hoe meet je resultaat? Hier delen de uitvoerders hun aanpak, tussenresultaten en lessen, zodat een volgende deal sneller op stoom komt.',
		themes: ['Productiviteit', 'Digitalisering', 'Human capital']
	},
	'Accountmanagers en bedrijfscontactfunctionarissen': {
		joinPolicy: 'open',
		summary:
			'Het netwerk van wie dagelijks met ondernemers praat, bij gemeente, provincie of intermediair.',
		description:
			'Accountmanagers en bedrijfscontactfunctionarissen zijn het eerste aanspreekpunt voor ondernemers. In dit netwerk leren zij van elkaars gesprekstechnieken, doorverwijzingen en samenwerking over gemeentegrenzen heen, en bouwen zij aan regionaal accountmanagement.',
		themes: ['Regionaal accountmanagement', 'Ondernemersecosysteem', 'Regionale samenwerking']
	}
};

const REGIONAL: Record<string, { summary: string; description: string; themes: string[] }> = {
	'Regio Groningen-Assen': {
		summary: 'Samen het regionaal accountmanagement in Groningen en Drenthe sterker maken.',
		description:
			'De gemeenten, provincies en partners in de regio Groningen-Assen werken in deze community of practice aan één herkenbaar accountmanagement voor ondernemers, met afspraken over wie wat doet en hoe je elkaar snel vindt.',
		themes: ['Regionaal accountmanagement', 'Regionale samenwerking']
	},
	'Noordoost-Brabant': {
		summary: 'Werken aan een gezamenlijke DOE-agenda voor het mkb in Noordoost-Brabant.',
		description:
			'In Noordoost-Brabant stellen overheden en ondernemersorganisaties samen een DOE-agenda op: concrete acties om het mkb in de regio te versterken, met een duidelijke trekker per actie.',
		themes: ['Ondernemersecosysteem', 'Regionale samenwerking', 'Productiviteit']
	},
	'Regio Zwolle': {
		summary:
			'Regionaal leiderschap, een sterk netwerk en nieuwe kennis voor het mkb in Regio Zwolle.',
		description:
			'Regio Zwolle onderzoekt hoe partijen samen regie nemen op de ondersteuning van ondernemers: wie neemt het voortouw, hoe houd je het netwerk levend en welke kennis ontbreekt nog?',
		themes: ['Regionale samenwerking', 'Innovatie en concurrentiekracht']
	},
	'Zuid-Holland': {
		summary:
			'Samenwerking en kennisuitwisseling in Zuid-Holland rond human capital, circulaire economie en digitalisering.',
		description:
			"De Zuid-Hollandse partners bouwen aan een ondersteuningsecosysteem waarin ondernemers bij elke vraag de juiste partij vinden. De transitiethema's human capital, circulaire economie en digitalisering staan centraal.",
		themes: ['Human capital', 'Circulaire economie', 'Digitalisering', 'Ondernemersecosysteem']
	}
};

export interface ReferenceCounts {
	provinces: number;
	organisations: number;
	themes: number;
	networks: number;
}

export async function seedReference(db: DB): Promise<ReferenceCounts> {
	return db.transaction().execute(async (trx) => {
		for (const p of reference.provinces) {
			await trx
				.insertInto('provinces')
				.values({ code: p.code, name: p.name })
				.onConflict((oc) => oc.column('code').doUpdateSet({ name: p.name }))
				.execute();
		}

		const simple = [
			['organisation_types', reference.organisation_types],
			['themes', reference.themes],
			['field_roles', reference.roles_in_the_field]
		] as const;
		for (const [table, names] of simple) {
			for (const [position, name] of names.entries()) {
				await trx
					.insertInto(table)
					.values({ id: slugify(name), name, position })
					.onConflict((oc) => oc.column('id').doUpdateSet({ name, position }))
					.execute();
			}
		}

		for (const [position, f] of reference.event_formats.entries()) {
			const description = EVENT_FORMAT_TEXT[f.name] ?? '';
			await trx
				.insertInto('event_formats')
				.values({ id: slugify(f.name), name: f.name, description, position })
				.onConflict((oc) => oc.column('id').doUpdateSet({ name: f.name, description, position }))
				.execute();
		}

		const orgs: {
			name: string;
			type: string;
			province: string | null;
			klass: 'g4' | 'g40' | null;
			partner: number | null;
			website: string | null;
		}[] = [
			...reference.provinces.map((p) => ({
				name: `Provincie ${p.name}`,
				type: 'Provincie',
				province: p.code,
				klass: null,
				partner: null,
				website: null
			})),
			...reference.g4.map((m) => ({
				name: `Gemeente ${m.name}`,
				type: 'Gemeente',
				province: m.province,
				klass: 'g4' as const,
				partner: null,
				website: null
			})),
			...reference.g40.map((m) => ({
				name: `Gemeente ${m.name}`,
				type: 'Gemeente',
				province: m.province,
				klass: 'g40' as const,
				partner: null,
				website: null
			})),
			...reference.partners.map((name, i) => ({
				name,
				type: PARTNER_TYPES[name] ?? 'Overig',
				province: null,
				klass: null,
				partner: i,
				website: PARTNER_SITES[name] ?? null
			}))
		];
		for (const o of orgs) {
			const values = {
				name: o.name,
				type_id: slugify(o.type),
				province_code: o.province,
				municipality_class: o.klass,
				is_partner: o.partner !== null,
				partner_position: o.partner,
				website: o.website
			};
			await trx
				.insertInto('organisations')
				.values({ id: randomUUID(), slug: slugify(o.name), ...values })
				.onConflict((oc) => oc.column('slug').doUpdateSet(values))
				.execute();
		}

		const networks: NetworkSeed[] = [
			...reference.networks.map((n) => {
				const text = THEMATIC[n.name];
				if (!text) throw new Error(`No description written for network ${n.name}`);
				return { name: n.name, kind: 'thematic' as const, audience: n.for, provinces: [], ...text };
			}),
			...reference.regional_programmes_2020.map((r) => {
				const text = REGIONAL[r.region];
				if (!text) throw new Error(`No description written for region ${r.region}`);
				return {
					name: r.region,
					kind: 'regional' as const,
					joinPolicy: 'request' as const,
					audience: r.focus,
					provinces: r.provinces,
					...text
				};
			})
		];
		for (const [position, n] of networks.entries()) {
			const values = {
				name: n.name,
				kind: n.kind,
				summary: n.summary,
				description: n.description,
				audience: n.audience,
				position
			};
			await trx
				.insertInto('networks')
				.values({
					id: randomUUID(),
					slug: slugify(n.name),
					visibility: 'public',
					join_policy: n.joinPolicy,
					...values
				})
				.onConflict((oc) => oc.column('slug').doUpdateSet(values))
				.execute();
			const { id } = await trx
				.selectFrom('networks')
				.select('id')
				.where('slug', '=', slugify(n.name))
				.executeTakeFirstOrThrow();
			for (const code of n.provinces) {
				await trx
					.insertInto('network_provinces')
					.values({ network_id: id, province_code: code })
					.onConflict((oc) => oc.doNothing())
					.execute();
			}
			for (const theme of n.themes) {
				await trx
					.insertInto('network_themes')
					.values({ network_id: id, theme_id: slugify(theme) })
					.onConflict((oc) => oc.doNothing())
					.execute();
			}
		}

		return {
			provinces: reference.provinces.length,
			organisations: orgs.length,
			themes: reference.themes.length,
			networks: networks.length
		};
	});
}

const EVENT_FORMAT_TEXT: Record<string, string> = {
	Webinar:
		'Online sessie van een uur waarin een spreker een aanpak toelicht en deelnemers vragen stellen.',
	Leerbijeenkomst:
		'Bijeenkomst om met vakgenoten een onderwerp uit te diepen, vaak als deel van een reeks.',
	Leerwerkbijeenkomst:
		'Werksessie met ongeveer twintig deelnemers, gastexperts en praktijkvoorbeelden, met intervisie, simulaties of een projectbezoek.',
	Excursie: 'Bezoek aan een inspirerend praktijkvoorbeeld, met de mensen die het hebben opgezet.',
	Netwerkbijeenkomst: 'Ontmoeting van de leden van een van de netwerken.'
};
