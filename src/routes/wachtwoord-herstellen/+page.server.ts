import { fail, redirect } from '@sveltejs/kit';
import { resetPassword, resetTokenAccount } from '$lib/server/features/accounts/password-reset';
import { passwordResetSchema } from '$lib/server/features/accounts/schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (url.searchParams.has('klaar')) return { state: 'done' as const };
	// better-auth sends an expired or used link here with ?error=INVALID_TOKEN.
	const token = url.searchParams.get('token') ?? '';
	const account = token ? await resetTokenAccount(locals.db, token) : undefined;
	if (!account) return { state: 'invalid' as const };
	return { state: 'form' as const, token, name: account.name, email: account.email };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const form = await request.formData();
		const parsed = passwordResetSchema.safeParse({
			token: form.get('token') ?? '',
			password: form.get('password') ?? '',
			confirm: form.get('confirm') ?? ''
		});
		if (!parsed.success) return fail(400, { error: 'missing' as const, warning: null });

		const result = await resetPassword({ db: locals.db, auth: locals.auth }, parsed.data);
		if (!result.ok) {
			return fail(400, {
				error: result.reason,
				warning: 'warning' in result ? (result.warning ?? null) : null
			});
		}
		redirect(303, '/wachtwoord-herstellen?klaar=1');
	}
};
