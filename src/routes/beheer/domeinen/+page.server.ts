import { fail } from '@sveltejs/kit';
import { authorize } from '$lib/server/authorize';
import { addAllowedDomain, removeAllowedDomain } from '$lib/server/features/accounts/mutations';
import { listAllowlist } from '$lib/server/features/accounts/queries';
import {
	domainSchema,
	fieldProblems,
	removeDomainSchema
} from '$lib/server/features/accounts/schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'manage_allowlist');
	const rows = await listAllowlist(locals.db);
	return {
		domains: rows.map((row) => ({
			id: row.id,
			domain: row.domain,
			note: row.note,
			addedBy: row.created_by_name,
			addedAt: row.created_at
		}))
	};
};

type Values = { domain: string; note: string };

/** Every action answers in one shape, so the page reads it without narrowing. */
function answer(
	action: 'add' | 'remove',
	outcome: { problem: string; values?: Values } | { done: string }
) {
	return {
		action,
		values: 'values' in outcome ? (outcome.values ?? null) : null,
		problem: 'problem' in outcome ? outcome.problem : null,
		done: 'done' in outcome ? outcome.done : null
	};
}

export const actions: Actions = {
	toevoegen: async ({ locals, request, url }) => {
		authorize(locals, url, 'manage_allowlist');
		const form = await request.formData();
		const values = {
			domain: String(form.get('domain') ?? '').slice(0, 300),
			note: String(form.get('note') ?? '').slice(0, 300)
		};
		const parsed = domainSchema.safeParse(values);
		if (!parsed.success) {
			const problems = fieldProblems(parsed.error);
			return fail(
				400,
				answer('add', {
					values,
					problem: problems.domain ?? (problems.note ? 'note_too_long' : 'invalid')
				})
			);
		}
		const result = await addAllowedDomain(locals.db, {
			actorId: locals.user.id,
			domain: parsed.data.domain,
			note: parsed.data.note
		});
		if (!result.ok) return fail(409, answer('add', { values, problem: result.reason }));
		return answer('add', { done: parsed.data.domain });
	},
	verwijderen: async ({ locals, request, url }) => {
		authorize(locals, url, 'manage_allowlist');
		const form = await request.formData();
		const parsed = removeDomainSchema.safeParse({ id: form.get('id') ?? '' });
		const result = parsed.success
			? await removeAllowedDomain(locals.db, { actorId: locals.user.id, id: parsed.data.id })
			: ({ ok: false, reason: 'not_found' } as const);
		if (!result.ok) return fail(404, answer('remove', { problem: result.reason }));
		return answer('remove', { done: result.domain });
	}
};
