import { randomUUID } from 'node:crypto';
import type { DB } from '../../db';
import { dialectOf } from '../../db/dialect';
import type { KnowledgeRevisionAction } from '../../db/tables/knowledge';
import { renderMarkdown } from '../../platform/markdown';
import { slugify } from '../../platform/slug';
import { type KnowledgeContent, parseContent, sameContent } from './content';
import { bestRelated, type RelatedCandidate, terms } from './related';
import type { KnowledgeInput } from './schema';
import { indexKnowledgeItem } from '../search/mutations';

/**
 * Writes in the knowledge library. Routes asked the policy first; what can change meanwhile is
 * checked here, inside one transaction each: references that must exist, and the version an
 * edit started from (optimistic concurrency: a save based on an older version is refused with
 * `changed`, never silently written over the other). Markdown is rendered here, once.
 */

export type KnowledgeProblem =
	| 'not_found'
	| 'changed'
	| 'unchanged'
	| 'already_published'
	| 'unknown_theme'
	| 'unknown_province'
	| 'unknown_organisation'
	| 'unknown_member'
	| 'unknown_network'
	| 'already_adopted'
	| 'revision_not_found';

export type KnowledgeResult<T = object> =
	({ ok: true } & T) | { ok: false; reason: KnowledgeProblem };

const now = () => new Date().toISOString();

/** Turns the written input into content with ids; the first author stays first. */
async function resolveInput(
	trx: DB,
	input: KnowledgeInput,
	firstAuthorId: string
): Promise<KnowledgeResult<{ content: KnowledgeContent }>> {
	const [themes, provinces, organisations, people, contact, network] = await Promise.all([
		input.themes.length
			? trx.selectFrom('themes').select('id').where('id', 'in', input.themes).execute()
			: [],
		input.provinces.length
			? trx.selectFrom('provinces').select('code').where('code', 'in', input.provinces).execute()
			: [],
		input.organisations.length
			? trx
					.selectFrom('organisations')
					.select(['id', 'slug'])
					.where('slug', 'in', input.organisations)
					.execute()
			: [],
		input.coAuthors.length
			? trx
					.selectFrom('users')
					.select(['id', 'email'])
					.where('email', 'in', input.coAuthors)
					.where('status', '=', 'active')
					.execute()
			: [],
		input.contact
			? trx
					.selectFrom('users')
					.select('id')
					.where('email', '=', input.contact.toLowerCase())
					.where('status', '=', 'active')
					.executeTakeFirst()
			: undefined,
		input.visibility === 'network' && input.network
			? trx.selectFrom('networks').select('id').where('slug', '=', input.network).executeTakeFirst()
			: undefined
	]);
	if (themes.length !== input.themes.length) return { ok: false, reason: 'unknown_theme' };
	if (provinces.length !== input.provinces.length) return { ok: false, reason: 'unknown_province' };
	if (organisations.length !== input.organisations.length)
		return { ok: false, reason: 'unknown_organisation' };
	if (people.length !== input.coAuthors.length || (input.contact && !contact))
		return { ok: false, reason: 'unknown_member' };
	if (input.visibility === 'network' && !network) return { ok: false, reason: 'unknown_network' };
	const bySlug = new Map(organisations.map((o) => [o.slug, o.id]));
	const byEmail = new Map(people.map((p) => [p.email.toLowerCase(), p.id]));
	const coAuthors = input.coAuthors
		.map((e) => byEmail.get(e)!)
		.filter((id) => id !== firstAuthorId);
	const practice = input.kind === 'practice_example';
	return {
		ok: true,
		content: {
			kind: input.kind,
			title: input.title,
			summary: input.summary,
			body: input.body,
			challenge: practice ? input.challenge : '',
			approach: practice ? input.approach : '',
			result: practice ? input.result : '',
			lessons: practice ? input.lessons : '',
			costs: practice ? input.costs : '',
			mkbSegment: practice ? input.mkbSegment : '',
			period: practice ? input.period : '',
			contactId: contact?.id ?? null,
			visibility: input.visibility,
			networkId: input.visibility === 'network' ? (network?.id ?? null) : null,
			themes: [...input.themes],
			provinces: [...input.provinces],
			organisations: input.organisations.map((s) => bySlug.get(s)!),
			authors: [firstAuthorId, ...new Set(coAuthors)]
		}
	};
}

const html = (markdown: string) => (markdown ? renderMarkdown(markdown).html : '');

/** Writes content into the item's columns and link tables (the item row exists). */
async function writeContent(trx: DB, itemId: string, content: KnowledgeContent, at: string) {
	const words = terms(
		[
			content.title,
			content.summary,
			content.body,
			content.challenge,
			content.approach,
			content.result,
			content.lessons
		].join('\n')
	);
	await trx
		.updateTable('knowledge_items')
		.set({
			kind: content.kind,
			title: content.title,
			summary: content.summary,
			body: content.body,
			body_html: html(content.body),
			challenge: content.challenge,
			challenge_html: html(content.challenge),
			approach: content.approach,
			approach_html: html(content.approach),
			result: content.result,
			result_html: html(content.result),
			lessons: content.lessons,
			lessons_html: html(content.lessons),
			costs: content.costs,
			mkb_segment: content.mkbSegment,
			period: content.period,
			contact_id: content.contactId,
			visibility: content.visibility,
			network_id: content.networkId,
			terms: words.join(' '),
			updated_at: at
		})
		.where('id', '=', itemId)
		.execute();
	for (const table of [
		'knowledge_item_themes',
		'knowledge_item_provinces',
		'knowledge_item_organisations',
		'knowledge_item_authors'
	] as const) {
		await trx.deleteFrom(table).where('item_id', '=', itemId).execute();
	}
	if (content.themes.length)
		await trx
			.insertInto('knowledge_item_themes')
			.values(content.themes.map((theme_id) => ({ item_id: itemId, theme_id })))
			.execute();
	if (content.provinces.length)
		await trx
			.insertInto('knowledge_item_provinces')
			.values(content.provinces.map((province_code) => ({ item_id: itemId, province_code })))
			.execute();
	if (content.organisations.length)
		await trx
			.insertInto('knowledge_item_organisations')
			.values(
				content.organisations.map((organisation_id) => ({ item_id: itemId, organisation_id }))
			)
			.execute();
	await trx
		.insertInto('knowledge_item_authors')
		.values(content.authors.map((user_id, position) => ({ item_id: itemId, user_id, position })))
		.execute();
}

async function addRevision(
	trx: DB,
	input: {
		itemId: string;
		number: number;
		editorId: string | null;
		action: KnowledgeRevisionAction;
		restoredFrom?: number;
		content: KnowledgeContent;
		at: string;
	}
) {
	await trx
		.insertInto('knowledge_revisions')
		.values({
			id: randomUUID(),
			item_id: input.itemId,
			number: input.number,
			editor_id: input.editorId,
			action: input.action,
			restored_from: input.restoredFrom ?? null,
			content: JSON.stringify(input.content),
			created_at: input.at
		})
		.execute();
}

/** A slug from the title that no other item has. */
async function freeSlug(trx: DB, title: string): Promise<string> {
	const base = slugify(title).slice(0, 80).replace(/-+$/, '') || 'kennis';
	const taken = new Set(
		(
			await trx
				.selectFrom('knowledge_items')
				.select('slug')
				.where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
				.execute()
		).map((r) => r.slug)
	);
	// Addresses of the library's own pages are never an item's.
	for (const reserved of ['nieuw', 'voorbeeld']) taken.add(reserved);
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A member writes a new item: a draft, or published at once. Revision 1. */
export async function createItem(
	db: DB,
	input: {
		writerId: string;
		input: KnowledgeInput;
		publish: boolean;
		at?: string;
		/** A report of this event (the caller checked the writer may manage it); reports only. */
		eventId?: string;
	}
): Promise<KnowledgeResult<{ id: string; slug: string; version: number }>> {
	return db.transaction().execute(async (trx) => {
		const resolved = await resolveInput(trx, input.input, input.writerId);
		if (!resolved.ok) return resolved;
		const at = input.at ?? now();
		const id = randomUUID();
		const slug = await freeSlug(trx, input.input.title);
		await trx
			.insertInto('knowledge_items')
			.values({
				id,
				slug,
				kind: input.input.kind,
				status: input.publish ? 'published' : 'draft',
				title: input.input.title,
				summary: input.input.summary,
				body: '',
				body_html: '',
				network_id: null,
				contact_id: null,
				event_id: input.input.kind === 'report' ? (input.eventId ?? null) : null,
				cover_image: null,
				featured_at: null,
				year: input.publish ? new Date(at).getUTCFullYear() : null,
				published_at: input.publish ? at : null,
				created_by: input.writerId,
				created_at: at,
				updated_at: at
			})
			.execute();
		await writeContent(trx, id, resolved.content, at);
		await addRevision(trx, {
			itemId: id,
			number: 1,
			editorId: input.writerId,
			action: input.publish ? 'published' : 'created',
			content: resolved.content,
			at
		});
		await refreshRelated(trx, id);
		await indexKnowledgeItem(trx, id);
		return { ok: true, id, slug, version: 1 } as const;
	});
}

/**
 * Saves new content as the next revision, if the item is still at `expectedVersion`. The version
 * check and the bump are one UPDATE, so of two saves based on the same version exactly one wins.
 */
async function saveRevision(
	trx: DB,
	input: {
		itemId: string;
		editorId: string;
		expectedVersion: number;
		content: KnowledgeContent;
		action: KnowledgeRevisionAction;
		restoredFrom?: number;
		publish?: boolean;
	}
): Promise<KnowledgeResult<{ version: number }>> {
	const at = now();
	const publishing = input.publish === true;
	const bumped = await trx
		.updateTable('knowledge_items')
		.set((eb) => ({
			version: eb('version', '+', 1),
			updated_at: at,
			...(publishing
				? { status: 'published' as const, published_at: at, year: new Date(at).getUTCFullYear() }
				: {})
		}))
		.where('id', '=', input.itemId)
		.where('version', '=', input.expectedVersion)
		.executeTakeFirst();
	if (Number(bumped.numUpdatedRows) === 0) {
		const exists = await trx
			.selectFrom('knowledge_items')
			.select('id')
			.where('id', '=', input.itemId)
			.executeTakeFirst();
		return { ok: false, reason: exists ? 'changed' : 'not_found' };
	}
	const version = input.expectedVersion + 1;
	await writeContent(trx, input.itemId, input.content, at);
	await addRevision(trx, {
		itemId: input.itemId,
		number: version,
		editorId: input.editorId,
		action: input.action,
		restoredFrom: input.restoredFrom,
		content: input.content,
		at
	});
	await refreshRelated(trx, input.itemId);
	await indexKnowledgeItem(trx, input.itemId);
	return { ok: true, version };
}

/** The item as it stands, for a change: its first author, status and content. */
async function loadForChange(trx: DB, itemId: string) {
	let query = trx
		.selectFrom('knowledge_items')
		.select(['id', 'status', 'version'])
		.where('id', '=', itemId);
	if (dialectOf(trx) === 'postgres') query = query.forUpdate();
	const item = await query.executeTakeFirst();
	if (!item) return undefined;
	const latest = await trx
		.selectFrom('knowledge_revisions')
		.select('content')
		.where('item_id', '=', itemId)
		.orderBy('number', 'desc')
		.limit(1)
		.executeTakeFirstOrThrow();
	return { ...item, content: parseContent(latest.content) };
}

/** An author or editor edits: every save is a revision; `publish` publishes a draft with it. */
export async function updateItem(
	db: DB,
	input: {
		itemId: string;
		editorId: string;
		expectedVersion: number;
		input: KnowledgeInput;
		publish?: boolean;
	}
): Promise<KnowledgeResult<{ version: number }>> {
	return db.transaction().execute(async (trx) => {
		const item = await loadForChange(trx, input.itemId);
		if (!item) return { ok: false, reason: 'not_found' } as const;
		if (item.version !== input.expectedVersion) return { ok: false, reason: 'changed' } as const;
		const firstAuthor = item.content.authors[0] ?? input.editorId;
		const resolved = await resolveInput(trx, input.input, firstAuthor);
		if (!resolved.ok) return resolved;
		const publish = input.publish === true && item.status === 'draft';
		if (!publish && sameContent(item.content, resolved.content)) {
			return { ok: false, reason: 'unchanged' } as const;
		}
		return saveRevision(trx, {
			itemId: item.id,
			editorId: input.editorId,
			expectedVersion: input.expectedVersion,
			content: resolved.content,
			action: publish ? 'published' : 'edited',
			publish
		});
	});
}

/** Publishes a draft as it is (a revision of its own). */
export async function publishItem(
	db: DB,
	input: { itemId: string; editorId: string; expectedVersion: number }
): Promise<KnowledgeResult<{ version: number }>> {
	return db.transaction().execute(async (trx) => {
		const item = await loadForChange(trx, input.itemId);
		if (!item) return { ok: false, reason: 'not_found' } as const;
		if (item.status === 'published') return { ok: false, reason: 'already_published' } as const;
		return saveRevision(trx, {
			itemId: item.id,
			editorId: input.editorId,
			expectedVersion: input.expectedVersion,
			content: item.content,
			action: 'published',
			publish: true
		});
	});
}

/** Brings back an earlier revision's content as the newest revision (history is never lost). */
export async function restoreRevision(
	db: DB,
	input: { itemId: string; editorId: string; number: number; expectedVersion: number }
): Promise<KnowledgeResult<{ version: number }>> {
	return db.transaction().execute(async (trx) => {
		const item = await loadForChange(trx, input.itemId);
		if (!item) return { ok: false, reason: 'not_found' } as const;
		const old = await trx
			.selectFrom('knowledge_revisions')
			.select('content')
			.where('item_id', '=', input.itemId)
			.where('number', '=', input.number)
			.executeTakeFirst();
		if (!old) return { ok: false, reason: 'revision_not_found' } as const;
		const content = parseContent(old.content);
		if (sameContent(item.content, content)) return { ok: false, reason: 'unchanged' } as const;
		// References may have gone since (a theme renamed away, a member erased): keep what exists.
		const [themes, organisations, users, network] = await Promise.all([
			content.themes.length
				? trx.selectFrom('themes').select('id').where('id', 'in', content.themes).execute()
				: [],
			content.organisations.length
				? trx
						.selectFrom('organisations')
						.select('id')
						.where('id', 'in', content.organisations)
						.execute()
				: [],
			trx
				.selectFrom('users')
				.select('id')
				.where('id', 'in', [...content.authors, content.contactId ?? ''])
				.execute(),
			content.networkId
				? trx
						.selectFrom('networks')
						.select('id')
						.where('id', '=', content.networkId)
						.executeTakeFirst()
				: undefined
		]);
		const keep = (list: string[], rows: { id: string }[]) => {
			const ids = new Set(rows.map((r) => r.id));
			return list.filter((x) => ids.has(x));
		};
		const authors = keep(content.authors, users);
		const safe: KnowledgeContent = {
			...content,
			themes: keep(content.themes, themes),
			organisations: keep(content.organisations, organisations),
			authors: authors.length ? authors : item.content.authors,
			contactId:
				content.contactId && keep([content.contactId], users).length ? content.contactId : null,
			networkId: network ? content.networkId : null
		};
		return saveRevision(trx, {
			itemId: item.id,
			editorId: input.editorId,
			expectedVersion: input.expectedVersion,
			content: safe,
			action: 'restored',
			restoredFrom: input.number
		});
	});
}

/** Editors feature an item on the home page, or take it off. */
export async function setFeatured(db: DB, input: { itemId: string; featured: boolean }) {
	const result = await db
		.updateTable('knowledge_items')
		.set({ featured: input.featured, featured_at: input.featured ? now() : null })
		.where('id', '=', input.itemId)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0
		? ({ ok: true } as const)
		: ({ ok: false, reason: 'not_found' } as const);
}

/** A comment in Markdown, stored with its sanitised HTML. */
export async function addComment(
	db: DB,
	input: { itemId: string; authorId: string; body: string }
): Promise<KnowledgeResult<{ id: string }>> {
	const id = randomUUID();
	const { html: bodyHtml } = renderMarkdown(input.body);
	return db.transaction().execute(async (trx) => {
		const item = await trx
			.selectFrom('knowledge_items')
			.select('id')
			.where('id', '=', input.itemId)
			.executeTakeFirst();
		if (!item) return { ok: false, reason: 'not_found' } as const;
		await trx
			.insertInto('knowledge_comments')
			.values({
				id,
				item_id: input.itemId,
				author_id: input.authorId,
				body: input.body,
				body_html: bodyHtml,
				created_at: now(),
				deleted_at: null
			})
			.execute();
		return { ok: true, id } as const;
	});
}

/** "Nuttig": a member's vote, given or taken back; the item keeps the count. */
export async function toggleUseful(
	db: DB,
	input: { itemId: string; userId: string }
): Promise<KnowledgeResult<{ voted: boolean }>> {
	return db.transaction().execute(async (trx) => {
		const item = await trx
			.selectFrom('knowledge_items')
			.select('id')
			.where('id', '=', input.itemId)
			.executeTakeFirst();
		if (!item) return { ok: false, reason: 'not_found' } as const;
		const removed = await trx
			.deleteFrom('knowledge_votes')
			.where('item_id', '=', input.itemId)
			.where('user_id', '=', input.userId)
			.executeTakeFirst();
		const voted = Number(removed.numDeletedRows) === 0;
		if (voted) {
			await trx
				.insertInto('knowledge_votes')
				.values({ item_id: input.itemId, user_id: input.userId, created_at: now() })
				.onConflict((oc) => oc.columns(['item_id', 'user_id']).doNothing())
				.execute();
		}
		// Recounted, not incremented: two clicks at once can never drift the number.
		await trx
			.updateTable('knowledge_items')
			.set((eb) => ({
				useful_count: eb
					.selectFrom('knowledge_votes')
					.select((v) => v.fn.countAll<number>().as('n'))
					.where('knowledge_votes.item_id', '=', input.itemId)
			}))
			.where('id', '=', input.itemId)
			.execute();
		return { ok: true, voted } as const;
	});
}

/** "Dit passen wij toe": the member's organisation and province travel with the adoption. */
export async function adoptItem(
	db: DB,
	input: { itemId: string; userId: string; note: string }
): Promise<KnowledgeResult<{ id: string }>> {
	return db.transaction().execute(async (trx) => {
		const [item, member, existing] = await Promise.all([
			trx
				.selectFrom('knowledge_items')
				.select('id')
				.where('id', '=', input.itemId)
				.executeTakeFirst(),
			trx
				.selectFrom('users as u')
				.leftJoin('organisations as o', 'o.id', 'u.organisation_id')
				.select(['u.organisation_id', 'u.province_code', 'o.province_code as org_province'])
				.where('u.id', '=', input.userId)
				.executeTakeFirst(),
			trx
				.selectFrom('knowledge_adoptions')
				.select('id')
				.where('item_id', '=', input.itemId)
				.where('user_id', '=', input.userId)
				.executeTakeFirst()
		]);
		if (!item || !member) return { ok: false, reason: 'not_found' } as const;
		if (existing) return { ok: false, reason: 'already_adopted' } as const;
		const id = randomUUID();
		await trx
			.insertInto('knowledge_adoptions')
			.values({
				id,
				item_id: input.itemId,
				user_id: input.userId,
				organisation_id: member.organisation_id,
				province_code: member.province_code ?? member.org_province ?? null,
				note: input.note,
				created_at: now()
			})
			.onConflict((oc) => oc.columns(['item_id', 'user_id']).doNothing())
			.execute();
		return { ok: true, id } as const;
	});
}

/** Counts a view of the item's page. */
export async function recordView(db: DB, itemId: string) {
	await db
		.updateTable('knowledge_items')
		.set((eb) => ({ view_count: eb('view_count', '+', 1) }))
		.where('id', '=', itemId)
		.execute();
}

/**
 * Related items, computed on write: the written item's best ten among the published items, and
 * again for the thirty items closest to it (whose lists it may enter or leave). Visibility is
 * not decided here: pages filter the stored list through knowledgeVisibleTo.
 */
export async function refreshRelated(trx: DB, itemId: string) {
	const [items, themes] = await Promise.all([
		trx
			.selectFrom('knowledge_items')
			.select(['id', 'terms', 'status'])
			.where((eb) => eb.or([eb('status', '=', 'published'), eb('id', '=', itemId)]))
			.execute(),
		trx
			.selectFrom('knowledge_item_themes')
			.innerJoin('knowledge_items', 'knowledge_items.id', 'knowledge_item_themes.item_id')
			.select(['knowledge_item_themes.item_id', 'knowledge_item_themes.theme_id'])
			.where((eb) =>
				eb.or([
					eb('knowledge_items.status', '=', 'published'),
					eb('knowledge_items.id', '=', itemId)
				])
			)
			.execute()
	]);
	const themesOf = new Map<string, string[]>();
	for (const t of themes) themesOf.set(t.item_id, [...(themesOf.get(t.item_id) ?? []), t.theme_id]);
	const candidates: RelatedCandidate[] = items.map((i) => ({
		id: i.id,
		themes: themesOf.get(i.id) ?? [],
		terms: i.terms ? i.terms.split(' ') : []
	}));
	const self = candidates.find((c) => c.id === itemId);
	if (!self) return;
	const published = candidates.filter(
		(c) => c.id !== itemId || items.find((i) => i.id === itemId)?.status === 'published'
	);
	const store = async (id: string, best: { id: string; score: number }[]) => {
		await trx.deleteFrom('knowledge_related').where('item_id', '=', id).execute();
		if (best.length)
			await trx
				.insertInto('knowledge_related')
				.values(best.map((b) => ({ item_id: id, related_id: b.id, score: b.score })))
				.execute();
	};
	const mine = bestRelated(self, published, 10);
	await store(itemId, mine);
	const neighbours = bestRelated(self, published, 30);
	for (const n of neighbours) {
		const other = candidates.find((c) => c.id === n.id)!;
		await store(n.id, bestRelated(other, published, 10));
	}
	// Items that listed this one before but are no longer its neighbours drop it if it fell out.
	const listing = await trx
		.selectFrom('knowledge_related')
		.select('item_id')
		.where('related_id', '=', itemId)
		.execute();
	for (const { item_id } of listing) {
		if (neighbours.some((n) => n.id === item_id)) continue;
		const other = candidates.find((c) => c.id === item_id);
		if (other) await store(item_id, bestRelated(other, published, 10));
	}
}
