import { error, fail, redirect } from '@sveltejs/kit';
import { LIST_FIELDS, TEXT_FIELDS } from '$lib/server/features/knowledge/content';
import { changed, diffLines } from '$lib/server/features/knowledge/diff';
import { restoreRevision } from '$lib/server/features/knowledge/mutations';
import { can } from '$lib/server/features/knowledge/policy';
import {
	memberNames,
	namesForContent,
	revisionContent,
	revisionsOf
} from '$lib/server/features/knowledge/queries';
import { formVersion, GONE, knowledgeItem } from '../../access';
import type { Actions, PageServerLoad } from './$types';

const NOT_YOURS = 'Alleen de auteurs en de redactie zien de versies van dit item.';

async function withHistory(locals: App.Locals, url: URL, slug: string) {
	const found = await knowledgeItem(locals, url, slug, { member: true });
	if (!can(found.viewer, 'see_history', found.subject)) error(403, NOT_YOURS);
	return found;
}

const number = (v: string | null) => {
	const n = Number.parseInt(v ?? '', 10);
	return Number.isFinite(n) && n > 0 ? n : null;
};

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { item } = await withHistory(locals, url, params.slug);
	const revisions = await revisionsOf(locals.db, item.id);
	const latest = revisions[0]?.number ?? 1;
	const to = number(url.searchParams.get('naar')) ?? latest;
	const from = number(url.searchParams.get('van')) ?? Math.max(1, to - 1);
	const [a, b] = await Promise.all([
		revisionContent(locals.db, item.id, from),
		revisionContent(locals.db, item.id, to)
	]);
	let comparison = null;
	if (a && b && from !== to) {
		const names = await namesForContent(locals.db);
		const people = await memberNames(locals.db, [...a.content.authors, ...b.content.authors]);
		const lookup: Record<(typeof LIST_FIELDS)[number], Map<string, string>> = {
			themes: names.themes,
			provinces: names.provinces,
			organisations: names.organisations,
			authors: people
		};
		comparison = {
			from,
			to,
			text: TEXT_FIELDS.map((field) => ({
				field,
				lines: diffLines(a.content[field], b.content[field])
			})).filter((d) => changed(d.lines)),
			lists: LIST_FIELDS.map((field) => {
				const before = new Set(a.content[field]);
				const after = new Set(b.content[field]);
				const name = (id: string) => lookup[field].get(id) ?? id;
				return {
					field,
					added: [...after].filter((x) => !before.has(x)).map(name),
					removed: [...before].filter((x) => !after.has(x)).map(name)
				};
			}).filter((d) => d.added.length || d.removed.length),
			kind: a.content.kind !== b.content.kind ? { from: a.content.kind, to: b.content.kind } : null,
			visibility:
				a.content.visibility !== b.content.visibility || a.content.networkId !== b.content.networkId
					? { from: a.content.visibility, to: b.content.visibility }
					: null
		};
	}
	return {
		item: { slug: item.slug, title: item.title, version: Number(item.version) },
		revisions: revisions.map((r) => ({
			number: r.number,
			action: r.action,
			restoredFrom: r.restored_from,
			createdAt: r.created_at,
			editor: r.editor_name
		})),
		selected: { from, to },
		comparison
	};
};

export const actions: Actions = {
	herstellen: async ({ locals, url, params, request }) => {
		const { item } = await withHistory(locals, url, params.slug);
		const form = await request.formData();
		const wanted = number(String(form.get('number') ?? ''));
		if (!wanted) return fail(400, { problem: 'revision_not_found' });
		const result = await restoreRevision(locals.db, {
			itemId: item.id,
			editorId: locals.user!.id,
			number: wanted,
			expectedVersion: formVersion(form)
		});
		if (!result.ok) {
			if (result.reason === 'not_found') error(404, GONE);
			return fail(result.reason === 'changed' ? 409 : 400, { problem: result.reason });
		}
		redirect(303, `/kennis/${item.slug}/versies`);
	}
};
