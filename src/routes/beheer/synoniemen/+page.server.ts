import { error, fail, redirect } from '@sveltejs/kit';
import { addSynonymSet, removeSynonymSet } from '$lib/server/features/search/mutations';
import { can } from '$lib/server/features/search/policy';
import { listSynonymSets } from '$lib/server/features/search/queries';
import { removeSynonymSchema, synonymFormSchema } from '$lib/server/features/search/schema';
import type { Actions, PageServerLoad } from './$types';

/** Editors and admins (with a second factor) keep the synonyms; others are sent away. */
function allow(locals: App.Locals, url: URL): string {
	if (locals.user && can(locals.user, 'manage_synonyms')) return locals.user.id;
	if (!locals.user)
		redirect(303, `/inloggen?terug=${encodeURIComponent(url.pathname + url.search)}`);
	error(403, 'Je hebt geen toegang tot deze pagina.');
}

export const load: PageServerLoad = async ({ locals, url }) => {
	allow(locals, url);
	const sets = await listSynonymSets(locals.db);
	return {
		sets: sets.map((s) => ({
			id: s.id,
			terms: s.terms,
			addedBy: s.created_by_name,
			addedAt: String(s.created_at)
		}))
	};
};

/** Every action answers in one shape, so the page reads it without narrowing. */
function answer(
	action: 'add' | 'remove',
	outcome: { problem: string; value?: string } | { done: string }
) {
	return {
		action,
		value: 'value' in outcome ? (outcome.value ?? null) : null,
		problem: 'problem' in outcome ? outcome.problem : null,
		done: 'done' in outcome ? outcome.done : null
	};
}

export const actions: Actions = {
	toevoegen: async ({ locals, request, url }) => {
		const actorId = allow(locals, url);
		const form = await request.formData();
		const value = String(form.get('terms') ?? '').slice(0, 1000);
		const parsed = synonymFormSchema.safeParse({ terms: value });
		if (!parsed.success) {
			const problem = parsed.error.issues[0]?.message === 'too_long' ? 'too_long' : 'too_few_terms';
			return fail(400, answer('add', { problem, value }));
		}
		const result = await addSynonymSet(locals.db, { actorId, terms: parsed.data.terms });
		if (!result.ok) return fail(400, answer('add', { problem: result.reason, value }));
		return answer('add', { done: result.terms.join(' = ') });
	},
	verwijderen: async ({ locals, request, url }) => {
		const actorId = allow(locals, url);
		const form = await request.formData();
		const parsed = removeSynonymSchema.safeParse({ id: form.get('id') ?? '' });
		const result = parsed.success
			? await removeSynonymSet(locals.db, { actorId, id: parsed.data.id })
			: ({ ok: false, reason: 'not_found' } as const);
		if (!result.ok) return fail(404, answer('remove', { problem: result.reason }));
		return answer('remove', { done: result.terms.join(' = ') });
	}
};
