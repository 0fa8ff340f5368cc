import { fail } from '@sveltejs/kit';
import { authorize } from '$lib/server/authorize';
import { createToken, revokeToken } from '$lib/server/features/api-tokens/mutations';
import { presentToken } from '$lib/server/features/api-tokens/present';
import { listTokens } from '$lib/server/features/api-tokens/queries';
import { createTokenSchema } from '$lib/server/features/api-tokens/schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'manage_own_account');
	return { tokens: (await listTokens(locals.db, locals.user.id)).map(presentToken) };
};

export const actions: Actions = {
	create: async ({ locals, request, url }) => {
		authorize(locals, url, 'manage_own_account');
		const form = await request.formData();
		const parsed = createTokenSchema.safeParse({ name: form.get('name') ?? '' });
		if (!parsed.success) {
			return fail(400, {
				name: String(form.get('name') ?? ''),
				error: parsed.error.issues[0]?.message ?? ''
			});
		}
		const created = await createToken(locals.db, locals.user.id, parsed.data);
		return { created: created.token };
	},
	revoke: async ({ locals, request, url }) => {
		authorize(locals, url, 'manage_own_account');
		const form = await request.formData();
		await revokeToken(locals.db, locals.user.id, String(form.get('id') ?? ''));
		return { revoked: true };
	}
};
