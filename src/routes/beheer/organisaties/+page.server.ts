import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { authorize } from '$lib/server/authorize';
import { mergeOrganisations } from '$lib/server/features/organisations/mutations';
import { organisationChoices } from '$lib/server/features/organisations/queries';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'manage_members');
	return { organisations: await organisationChoices(locals.db) };
};

const mergeSchema = z.object({
	from: z.string().trim().min(1).max(100),
	into: z.string().trim().min(1).max(100),
	confirm: z.literal('ja')
});

export const actions: Actions = {
	samenvoegen: async ({ locals, request, url }) => {
		authorize(locals, url, 'manage_members');
		const form = await request.formData();
		const parsed = mergeSchema.safeParse({
			from: form.get('from') ?? '',
			into: form.get('into') ?? '',
			confirm: form.get('confirm') ?? ''
		});
		if (!parsed.success) {
			const missing = parsed.error.issues[0]?.path[0];
			return fail(400, { problem: missing === 'confirm' ? 'confirm_missing' : 'choose_both' });
		}
		const result = await mergeOrganisations(locals.db, {
			actorId: locals.user.id,
			fromId: parsed.data.from,
			intoId: parsed.data.into
		});
		if (!result.ok) return fail(result.reason === 'same' ? 400 : 404, { problem: result.reason });
		return { done: { from: result.from, into: result.into, moved: result.moved } };
	}
};
