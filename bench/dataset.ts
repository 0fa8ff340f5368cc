import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { DB } from '../src/lib/server/db';
import type { Database } from '../src/lib/server/db/schema';

// The benchmark's data set: many members in many organisations, as a network of this kind
// would have after some years. Generated into the database before the app starts, with a fixed
// seed so every run measures the same data. Only for `npm run bench`; never seeded in the app.

export interface DatasetSize {
	members: number;
	organisations: number;
	/** Replies in all; one thread gets `threadReplies` of them, the rest spread over the others. */
	replies: number;
	threadReplies: number;
}

export interface Dataset {
	/** A generated member whose profile the profile scenario asks for. */
	profileId: string;
	/** A word of the free text that the directory scenario searches for, and its two filters. */
	directoryQuery: string;
	/** The public network whose page the network scenario asks for. */
	networkSlug: string;
	/** The thread (in that network) with `threadReplies` replies. */
	threadId: string;
}

/** mulberry32: a small, fixed-seed generator, so the data set is the same on every run. */
export function random(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const FIRST = [
	'Anna',
	'Bram',
	'Carla',
	'Daan',
	'Eva',
	'Floor',
	'Gijs',
	'Hanna',
	'Ivo',
	'Jasmijn',
	'Koen',
	'Lieke',
	'Maarten',
	'Noor',
	'Otto',
	'Pien',
	'Quinten',
	'Roos',
	'Sem',
	'Tess',
	'Umut',
	'Vera',
	'Wouter',
	'Yara',
	'Zeynep',
	'Ahmed',
	'Bas',
	'Chantal',
	'Dirk',
	'Esra',
	'Fleur',
	'Gerrit'
];
const LAST = [
	'de Jong',
	'Jansen',
	'de Vries',
	'van den Berg',
	'van Dijk',
	'Bakker',
	'Janssen',
	'Visser',
	'Smit',
	'Meijer',
	'de Boer',
	'Mulder',
	'de Groot',
	'Bos',
	'Vos',
	'Peters',
	'Hendriks',
	'van Leeuwen',
	'Dekker',
	'Brouwer',
	'de Wit',
	'Dijkstra',
	'Smits',
	'de Graaf',
	'van der Meer',
	'Kok',
	'Jacobs',
	'de Haan',
	'Vermeulen',
	'van den Heuvel',
	'Yilmaz',
	'El Amrani'
];
const JOBS = [
	'Accountmanager bedrijven',
	'Beleidsmedewerker economie',
	'Programmamanager',
	'Adviseur innovatie',
	'Bedrijfscontactfunctionaris',
	'Projectleider regionale economie',
	'Strateeg',
	'Adviseur arbeidsmarkt'
];
const PLACES = [
	'Noord',
	'Zuid',
	'Oost',
	'West',
	'Midden',
	'Stad',
	'Regio',
	'Land',
	'Kust',
	'Rivierenland'
];

const CHUNK = 500;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Adds generated organisations (up to `size.organisations` in all) and `size.members` active
 * members with profiles, themes and network memberships. Run once on a fresh, seeded database.
 */
export async function generateDataset(db: DB, size: DatasetSize): Promise<Dataset> {
	const next = random(20261129);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

	const [provinces, types, themes, fieldRoles, networks, existing] = await Promise.all([
		db.selectFrom('provinces').select('code').execute(),
		db.selectFrom('organisation_types').select('id').execute(),
		db.selectFrom('themes').select(['id', 'name']).execute(),
		db.selectFrom('field_roles').select('id').execute(),
		db
			.selectFrom('networks')
			.select(['id', 'slug'])
			.where('visibility', '!=', 'private')
			.orderBy('position')
			.execute(),
		db.selectFrom('organisations').select(['id', 'province_code']).execute()
	]);

	const organisations = [...existing];
	const newOrganisations: Insertable<Database['organisations']>[] = [];
	for (let i = organisations.length; i < size.organisations; i++) {
		const province = pick(provinces).code;
		const id = randomUUID();
		const name = `Bench ${pick(['Ondernemershuis', 'Economic Board', 'Innovatiehub', 'Gemeente'])} ${pick(PLACES)} ${i}`;
		newOrganisations.push({
			id,
			slug: `bench-organisatie-${i}`,
			name,
			type_id: pick(types).id,
			province_code: province,
			municipality_class: null,
			website: null,
			is_partner: 0,
			partner_position: null
		});
		organisations.push({ id, province_code: province });
	}
	await db.transaction().execute(async (trx) => {
		await insertChunked(newOrganisations, (chunk) =>
			trx.insertInto('organisations').values(chunk).execute()
		);
	});

	const now = Date.now();
	const users: (Insertable<Database['users']> & { id: string })[] = [];
	const userThemes: Insertable<Database['user_themes']>[] = [];
	const memberships: Insertable<Database['network_members']>[] = [];
	for (let i = 0; i < size.members; i++) {
		const organisation = pick(organisations);
		const mine = [...new Set([pick(themes), pick(themes), pick(themes)])];
		const helps = pick(themes);
		const id = randomUUID();
		users.push({
			id,
			email: `bench-lid-${i}@example.org`,
			name: `${pick(FIRST)} ${String.fromCharCode(65 + (i % 26))}. ${pick(LAST)}`,
			email_verified: 1,
			image: null,
			role: 'member' as const,
			status: 'active' as const,
			job_title: pick(JOBS),
			organisation_id: organisation.id,
			province_code: organisation.province_code ?? pick(provinces).code,
			field_role_id: pick(fieldRoles).id,
			is_demo: 0,
			bio: `Werkt aan ${mine.map((t) => t.name.toLowerCase()).join(' en ')} in de regio.`,
			ask_me_about: `${helps.name}: wat werkte bij ons en wat niet.`,
			looking_for: `Collega's die ervaring hebben met ${pick(themes).name.toLowerCase()}.`,
			last_active_at: new Date(now - Math.floor(next() * 90 * 86400_000)).toISOString()
		});
		for (const theme of mine) userThemes.push({ user_id: id, theme_id: theme.id });
		for (const network of new Set([pick(networks), pick(networks)])) {
			if (next() < 0.6) {
				memberships.push({
					network_id: network.id,
					user_id: id,
					decided_at: null,
					decided_by: null
				});
			}
		}
	}
	await db.transaction().execute(async (trx) => {
		await insertChunked(users, (chunk) => trx.insertInto('users').values(chunk).execute());
		await insertChunked(userThemes, (chunk) =>
			trx.insertInto('user_themes').values(chunk).execute()
		);
		await insertChunked(memberships, (chunk) =>
			trx.insertInto('network_members').values(chunk).execute()
		);
	});

	const threadId = await generateDiscussions(db, size, users, networks, next);
	return {
		threadId,
		profileId: users[size.members >> 1]!.id,
		directoryQuery: 'accountmanager',
		networkSlug: networks[0]!.slug
	};
}

const SENTENCES = [
	'Bij ons werkte een vast aanspreekpunt voor ondernemers het best.',
	'We zijn begonnen met tien bedrijfsbezoeken per maand en hebben dat later verdubbeld.',
	'De provincie betaalde de eerste twee jaar mee; daarna de gemeenten samen.',
	'Wat niet werkte: een loket dat alleen online bereikbaar was.',
	'Heeft iemand ervaring met een regionale subsidieregeling voor verduurzaming van het mkb?',
	'Wij delen graag ons draaiboek, stuur me een bericht.'
];

/** Threads in the public networks and their replies, the first thread with `threadReplies`. */
async function generateDiscussions(
	db: DB,
	size: DatasetSize,
	users: { id: string }[],
	networks: { id: string }[],
	next: () => number
): Promise<string> {
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
	const threadCount = Math.max(1, Math.ceil(size.replies / 100));
	const start = Date.now() - 365 * 86400_000;
	const at = (ms: number) => new Date(ms).toISOString();
	const threads: Insertable<Database['threads']>[] = [];
	for (let i = 0; i < threadCount; i++) {
		const body = `${pick(SENTENCES)} ${pick(SENTENCES)}`;
		threads.push({
			id: randomUUID(),
			network_id: i === 0 ? networks[0]!.id : pick(networks).id,
			author_id: pick(users).id,
			kind: i % 5 === 0 ? 'question' : 'discussion',
			title: `Ervaringen met ${pick(JOBS).toLowerCase()} in de regio (${i})`,
			body,
			body_html: `<p>${body}</p>`,
			accepted_reply_id: null,
			last_activity_at: at(start + i * 10_000),
			edited_at: null,
			deleted_at: null,
			deleted_by: null
		});
	}
	const replies: Insertable<Database['replies']>[] = [];
	const others = threads.length > 1 ? threads.slice(1) : threads;
	for (let i = 0; i < size.replies; i++) {
		const thread = i < size.threadReplies ? threads[0]! : pick(others);
		const body = `${pick(SENTENCES)}\n\n${pick(SENTENCES)}`;
		replies.push({
			id: randomUUID(),
			thread_id: thread.id,
			author_id: pick(users).id,
			body,
			body_html: `<p>${body.replace('\n\n', '</p><p>')}</p>`,
			created_at: at(start + i * 60_000),
			edited_at: null,
			deleted_at: null,
			deleted_by: null
		});
	}
	await db.transaction().execute(async (trx) => {
		await insertChunked(threads, (chunk) => trx.insertInto('threads').values(chunk).execute());
		await insertChunked(replies, (chunk) => trx.insertInto('replies').values(chunk).execute());
	});
	return threads[0]!.id;
}
