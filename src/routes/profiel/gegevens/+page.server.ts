import { fail, redirect } from '@sveltejs/kit';
import { authorize } from '$lib/server/authorize';
import { deleteOwnAccount } from '$lib/server/features/accounts/delete-account';
import { deleteAccountSchema } from '$lib/server/features/accounts/schema';
import { photosDir } from '$lib/server/features/people/photo';
import { clientKey } from '$lib/server/platform/client-address';
import { getConfig } from '$lib/server/platform/config';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	authorize(locals, url, 'manage_own_account');
	return { email: locals.user.email };
};

export const actions: Actions = {
	/** Deletes the signed-in member's account after they typed their password again. */
	verwijderen: async (event) => {
		const { locals, request, url } = event;
		authorize(locals, url, 'manage_own_account');
		const form = await request.formData();
		const removeContributions = form.get('bijdragen') === 'ja';
		const parsed = deleteAccountSchema.safeParse({
			password: form.get('password') ?? '',
			removeContributions
		});
		if (!parsed.success) return fail(400, { error: 'missing' as const, removeContributions });

		const result = await deleteOwnAccount(
			{
				db: locals.db,
				auth: locals.auth,
				client: clientKey(request, event.getClientAddress(), getConfig().trustProxy),
				photosDir: photosDir(getConfig().dataDir)
			},
			{ ...parsed.data, userId: locals.user.id }
		);
		if (!result.ok) {
			if (result.reason === 'rate_limited') {
				event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
				return fail(429, {
					error: result.reason,
					removeContributions,
					minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60))
				});
			}
			return fail(result.reason === 'wrong_password' ? 400 : 404, {
				error: result.reason,
				removeContributions
			});
		}
		// The sessions went with the account; this clears the cookie. Nothing personal is logged.
		await locals.auth.api.signOut({ headers: request.headers }).catch(() => undefined);
		locals.log.info({ removeContributions }, 'account deleted by its owner');
		redirect(303, '/account-verwijderd');
	}
};
