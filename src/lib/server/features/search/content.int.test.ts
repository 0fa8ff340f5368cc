import { afterEach, describe, expect, it } from 'vitest';
import { seedReference } from '../../db/seed/reference';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { addNetworkMember, buildMember, buildNetwork } from '../../testing/factories';
import { createEvent, updateEvent } from '../events/mutations';
import { createItem, publishItem, updateItem } from '../knowledge/mutations';
import { knowledgeInputSchema } from '../knowledge/schema';
import { VISITOR, type Viewer } from '../viewer';
import { reindexAll } from './mutations';
import { search } from './queries';

/**
 * Knowledge items and events in the one search: found as soon as they are written (in the same
 * transaction), only when published, and only by those who may see them.
 */

type Member = Awaited<ReturnType<typeof buildMember>>;
const viewerOf = (m: Member): Viewer => ({ kind: 'member', userId: m.id, role: m.role });
const origin = 'https://kennisnetwerk.example';

describe.each(DIALECTS)('knowledge and events in search on %s', (dialect) => {
	let handle: TestDatabase;

	afterEach(async () => {
		await handle?.destroy();
	});

	async function setup() {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const db = handle.db;
		const author = await buildMember(db, { name: 'Anke Auteur' });
		const reader = await buildMember(db, { name: 'Lezer Elders' });
		const insider = await buildMember(db, { name: 'Netwerk Lid' });
		const network = await buildNetwork(db, { name: 'Binnenkring', visibility: 'members' });
		await addNetworkMember(db, network.id, insider.id);
		const write = async (title: string, overrides: Record<string, unknown>, publish = true) => {
			const created = await createItem(db, {
				writerId: author.id,
				publish,
				input: knowledgeInputSchema.parse({
					kind: 'practice_example',
					title,
					summary: 'Hoe ondernemers in de glastuinbouw samen energie inkopen.',
					body: 'De gemeente bracht telers bij elkaar.',
					themes: ['verduurzaming'],
					provinces: ['NL-ZH'],
					visibility: 'public',
					...overrides
				})
			});
			if (!created.ok) throw new Error(created.reason);
			return created;
		};
		const titles = async (viewer: Viewer, query: string) => {
			const result = await search(db, { viewer, query });
			if (!result.ok) throw new Error(result.reason);
			return result.hits.map((h) => h.title.map((s) => s.text).join('')).sort();
		};
		return { db, author, reader, insider, network, write, titles };
	}

	it('finds published knowledge at once, as visible as the item, and never a draft', async () => {
		const { author, reader, insider, network, write, titles } = await setup();
		await write('Openbaar voorbeeld tuinders', {});
		await write('Voorbeeld voor leden tuinders', { visibility: 'members' });
		await write('Voorbeeld in de binnenkring tuinders', {
			visibility: 'network',
			network: network.slug
		});
		const draft = await write('Concept over tuinders', {}, false);

		// "glastuinbouw" is in every summary: who finds which item is only a matter of visibility.
		expect(await titles(VISITOR, 'glastuinbouw')).toEqual(['Openbaar voorbeeld tuinders']);
		expect(await titles(viewerOf(reader), 'glastuinbouw')).toEqual([
			'Openbaar voorbeeld tuinders',
			'Voorbeeld voor leden tuinders'
		]);
		expect(await titles(viewerOf(insider), 'glastuinbouw')).toEqual([
			'Openbaar voorbeeld tuinders',
			'Voorbeeld in de binnenkring tuinders',
			'Voorbeeld voor leden tuinders'
		]);
		// The draft is not even found by its author until it is published.
		expect(await titles(viewerOf(author), 'concept')).toEqual([]);
		const published = await publishItem(handle.db, {
			itemId: draft.id,
			editorId: author.id,
			expectedVersion: draft.version
		});
		expect(published.ok).toBe(true);
		expect(await titles(VISITOR, 'concept')).toEqual(['Concept over tuinders']);
		// Its theme is part of what is found.
		expect(await titles(VISITOR, 'verduurzaming concept')).toEqual(['Concept over tuinders']);
	});

	it('follows an edit of an item, and a rebuild gives the same index', async () => {
		const { db, author, write, titles } = await setup();
		const item = await write('Loket voor starters', {});
		const updated = await updateItem(db, {
			itemId: item.id,
			editorId: author.id,
			expectedVersion: item.version,
			input: knowledgeInputSchema.parse({
				kind: 'practice_example',
				title: 'Spreekuur voor starters',
				summary: 'Een wekelijks spreekuur in de bibliotheek.',
				body: 'Starters kwamen met vragen over vergunningen.',
				themes: ['ondernemersecosysteem'],
				provinces: ['NL-UT'],
				visibility: 'public'
			})
		});
		expect(updated.ok).toBe(true);
		expect(await titles(VISITOR, 'loket')).toEqual([]);
		expect(await titles(VISITOR, 'spreekuren')).toEqual(['Spreekuur voor starters']);
		await reindexAll(db);
		expect(await titles(VISITOR, 'spreekuren')).toEqual(['Spreekuur voor starters']);
		expect(await titles(VISITOR, 'glastuinbouw')).toEqual([]);
	});

	it('finds events as visible as the event, and follows their changes', async () => {
		const { db, reader, insider, network, titles } = await setup();
		const start = new Date(Date.now() + 7 * 86_400_000);
		const base = {
			summary: 'Een middag over netcongestie op bedrijventerreinen.',
			formatId: 'leerbijeenkomst',
			programme: 'Drie korte pitches en een gesprek.',
			organiserKind: 'platform' as const,
			networkId: null,
			startsAt: start.toISOString(),
			endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
			locationKind: 'on_site' as const,
			venue: 'Provinciehuis',
			address: 'Lübeckplein 2, Zwolle',
			onlineUrl: '',
			capacity: 30,
			registrationOpensAt: null,
			registrationClosesAt: null,
			questions: [],
			themeIds: [],
			provinceCodes: [],
			speakers: [],
			createdBy: null
		};
		const open = await createEvent(db, {
			...base,
			title: 'Netcongestie open',
			visibility: 'public'
		});
		await createEvent(db, { ...base, title: 'Netcongestie voor leden', visibility: 'members' });
		await createEvent(db, {
			...base,
			title: 'Netcongestie in de kring',
			visibility: 'network',
			networkId: network.id,
			organiserKind: 'network'
		});
		expect(await titles(VISITOR, 'netcongestie')).toEqual(['Netcongestie open']);
		expect(await titles(viewerOf(reader), 'netcongestie')).toEqual([
			'Netcongestie open',
			'Netcongestie voor leden'
		]);
		expect(await titles(viewerOf(insider), 'netcongestie')).toHaveLength(3);
		const changed = await updateEvent(db, {
			...base,
			eventId: open.id,
			title: 'Netcongestie en zonnepanelen',
			visibility: 'public',
			origin
		});
		expect(changed.ok).toBe(true);
		expect(await titles(VISITOR, 'zonnepaneel')).toEqual(['Netcongestie en zonnepanelen']);
	});
});
