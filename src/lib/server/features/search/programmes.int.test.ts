import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDownThrough, migrateToLatest } from '../../db/migrate';
import { seedReference } from '../../db/seed/reference';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { buildMember } from '../../testing/factories';
import { createProgramme, updateProgramme } from '../programmes/mutations';
import type { ProgrammeInput } from '../programmes/schema';
import { VISITOR, type Viewer } from '../viewer';
import { ensureSearchIndex, reindexAll } from './mutations';
import { search } from './queries';

/**
 * Regional knowledge programmes in the one search: found by title, region, challenge, provinces
 * and themes as soon as they are written, and only by those who may see them (a members'
 * programme never by a visitor).
 */

const origin = 'https://kennisnetwerk.example';

const programmeInput = (overrides: Partial<ProgrammeInput> = {}): ProgrammeInput => ({
	title: 'Accountmanagement Groningen-Assen',
	region: 'Regio Groningen-Assen',
	summary: 'Vier leerwerkbijeenkomsten over samen optrekken richting ondernemers.',
	challenge: 'Accountmanagers van gemeenten werken **langs elkaar heen** bij vestigers.',
	networkId: null,
	visibility: 'public',
	cohortSize: 20,
	enrolmentOpen: true,
	provinceCodes: ['NL-GR', 'NL-DR'],
	themeIds: [],
	...overrides
});

describe.each(DIALECTS)('programmes in search on %s', (dialect) => {
	let handle: TestDatabase;

	afterEach(async () => {
		await handle?.destroy();
	});

	async function setup() {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const db = handle.db;
		const member = await buildMember(db, { name: 'Lezer Elders' });
		const memberViewer: Viewer = { kind: 'member', userId: member.id, role: member.role };
		const create = async (overrides: Partial<ProgrammeInput>) => {
			const created = await createProgramme(db, {
				...programmeInput(overrides),
				createdBy: member.id
			});
			if (!created.ok) throw new Error(created.reason);
			return created;
		};
		const found = async (viewer: Viewer, query: string) => {
			const result = await search(db, { viewer, query });
			if (!result.ok) throw new Error(result.reason);
			return result.hits
				.filter((h) => h.kind === 'programme')
				.map((h) => ({ title: h.title.map((s) => s.text).join(''), url: h.url }))
				.sort((a, b) => a.title.localeCompare(b.title));
		};
		const titles = async (viewer: Viewer, query: string) =>
			(await found(viewer, query)).map((h) => h.title);
		return { db, memberViewer, create, found, titles };
	}

	it('finds a public programme for everyone and a members programme only for members', async () => {
		const { db, memberViewer, create, found, titles } = await setup();
		const theme = await db
			.selectFrom('themes')
			.select(['id', 'name'])
			.orderBy('position')
			.executeTakeFirstOrThrow();
		const open = await create({
			title: 'Vestigingsklimaat Twente',
			region: 'Regio Twente',
			provinceCodes: ['NL-OV'],
			themeIds: [theme.id]
		});
		await create({
			title: 'Bedrijventerreinen Twente',
			region: 'Regio Twente',
			visibility: 'members',
			provinceCodes: ['NL-OV']
		});

		// By a word of its title, with its link.
		expect(await found(VISITOR, 'vestigingsklimaat')).toEqual([
			{ title: 'Vestigingsklimaat Twente', url: `/programmas/${open.slug}` }
		]);
		expect(await titles(VISITOR, 'bedrijventerreinen')).toEqual([]);
		// By its region, its province, its theme and its challenge: the visitor never meets the
		// members' programme.
		for (const query of ['Twente', 'Overijssel', theme.name, 'vestigers']) {
			expect(await titles(VISITOR, query), query).toEqual(['Vestigingsklimaat Twente']);
		}
		expect(await titles(memberViewer, 'bedrijventerreinen')).toEqual(['Bedrijventerreinen Twente']);
		expect(await titles(memberViewer, 'Twente')).toEqual([
			'Bedrijventerreinen Twente',
			'Vestigingsklimaat Twente'
		]);
		// The kind filter and its facet.
		const result = await search(db, { viewer: memberViewer, query: 'Twente', kind: 'programme' });
		if (!result.ok) throw new Error(result.reason);
		expect(result.total).toBe(2);
		expect(result.facets.find((f) => f.kind === 'programme')?.count).toBe(2);
	});

	it('follows a change of title and of visibility at once', async () => {
		const { memberViewer, create, titles } = await setup();
		const p = await create({ title: 'Grensregio Limburg', region: 'Zuid-Limburg' });
		const updated = await updateProgramme(handle.db, {
			...programmeInput({ title: 'Euregio Maas-Rijn', region: 'Zuid-Limburg' }),
			programmeId: p.id,
			origin
		});
		expect(updated.ok).toBe(true);
		expect(await titles(VISITOR, 'euregio')).toEqual(['Euregio Maas-Rijn']);
		expect(await titles(VISITOR, 'grensregio')).toEqual([]);
		expect(await titles(memberViewer, 'grensregio')).toEqual([]);

		// Made members-only: gone for visitors, still there for members.
		await updateProgramme(handle.db, {
			...programmeInput({
				title: 'Euregio Maas-Rijn',
				region: 'Zuid-Limburg',
				visibility: 'members'
			}),
			programmeId: p.id,
			origin
		});
		expect(await titles(VISITOR, 'euregio')).toEqual([]);
		expect(await titles(VISITOR, 'Zuid-Limburg')).toEqual([]);
		expect(await titles(memberViewer, 'euregio')).toEqual(['Euregio Maas-Rijn']);
	});

	it('puts programmes back with a full reindex, and indexes them once into an older index', async () => {
		const { db, memberViewer, create, titles } = await setup();
		await create({ title: 'Havenregio Rotterdam', region: 'Rijnmond' });
		await create({ title: 'Kanaalzone Gent', region: 'Zeeuws-Vlaanderen', visibility: 'members' });
		await buildMember(db, { name: 'Nog Iemand' });

		// An index from before programmes were searched: the other kinds only.
		await reindexAll(db);
		await db.deleteFrom('search_documents').where('kind', '=', 'programme').execute();
		expect(await titles(memberViewer, 'Rijnmond')).toEqual([]);
		const others = () =>
			db.selectFrom('search_documents').select(['id', 'kind', 'ref_id']).orderBy('id').execute();
		const before = await others();
		expect(before.length).toBeGreaterThan(0);
		expect(await ensureSearchIndex(db)).toBe(true);
		// Only the programmes were added: the rest of the index stands as it was.
		expect((await others()).filter((d) => d.kind !== 'programme')).toEqual(before);
		expect(await titles(VISITOR, 'Rijnmond')).toEqual(['Havenregio Rotterdam']);
		expect(await titles(memberViewer, 'kanaalzone')).toEqual(['Kanaalzone Gent']);
		// Once: with programmes in the index, a start leaves it alone.
		expect(await ensureSearchIndex(db)).toBe(false);

		await db.deleteFrom('search_documents').where('kind', '=', 'programme').execute();
		const { documents } = await reindexAll(db);
		const programmeDocs = await db
			.selectFrom('search_documents')
			.select(['ref_id', 'visibility'])
			.where('kind', '=', 'programme')
			.orderBy('visibility')
			.execute();
		expect(programmeDocs.map((d) => d.visibility)).toEqual(['members', 'public']);
		expect(documents).toBeGreaterThan(2);
		expect(await titles(VISITOR, 'havenregio')).toEqual(['Havenregio Rotterdam']);
		expect(await titles(VISITOR, 'kanaalzone')).toEqual([]);
		expect(await titles(memberViewer, 'kanaalzone')).toEqual(['Kanaalzone Gent']);
	});

	it('widens the kind check without losing documents, and its down narrows it again', async () => {
		const { db, create, titles } = await setup();
		await create({ title: 'Havenregio Rotterdam', region: 'Rijnmond' });
		await buildMember(db, { name: 'Wietske Zoekbaar' });
		await reindexAll(db);
		const insertKind = (kind: string) =>
			sql`insert into search_documents (kind, ref_id, title, body, url, visibility, title_tokens, body_tokens)
				values (${kind}, 'x', 'x', 'x', '/x', 'public', 'x', 'x')`.execute(db);
		await expect(insertKind('nonsense')).rejects.toThrow();

		await migrateDownThrough(db, '2026_11_30_0300_programme_search');
		// Down: the programmes' documents are gone, the rest is found as before.
		const after = await db
			.selectFrom('search_documents')
			.select('kind')
			.where('kind', '=', 'programme')
			.execute();
		expect(after).toEqual([]);
		await expect(insertKind('programme')).rejects.toThrow();
		const members = await search(db, {
			viewer: { kind: 'member', userId: 'nobody', role: 'member' },
			query: 'Wietske'
		});
		expect(members.ok && members.hits.map((h) => h.kind)).toEqual(['member']);

		await migrateToLatest(db);
		await reindexAll(db);
		expect(await titles(VISITOR, 'havenregio')).toEqual(['Havenregio Rotterdam']);
		// The index still follows writes after the rebuild (the FTS5 triggers are back on SQLite).
		await db
			.updateTable('search_documents')
			.set({ title: 'Wietske', title_tokens: 'wietsk', body_tokens: '' })
			.where('kind', '=', 'programme')
			.execute();
		expect(await titles(VISITOR, 'havenregio')).toEqual([]);
	});
});
