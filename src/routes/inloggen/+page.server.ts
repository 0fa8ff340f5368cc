import { fail, redirect } from '@sveltejs/kit';
import { signInSchema } from '$lib/server/features/accounts/schema';
import { signIn } from '$lib/server/features/accounts/sign-in';
import { clientKey } from '$lib/server/platform/client-address';
import { getConfig } from '$lib/server/platform/config';
import { safeReturn } from '$lib/server/safe-return';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeReturn(url.searchParams.get('terug')));
	return { returnTo: safeReturn(url.searchParams.get('terug')) };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const email = String(form.get('email') ?? '');
		const returnTo = safeReturn(form.get('terug'));
		const parsed = signInSchema.safeParse({ email, password: form.get('password') ?? '' });
		if (!parsed.success) return fail(400, { email, returnTo, error: 'missing' as const });

		const result = await signIn(
			{
				db: event.locals.db,
				auth: event.locals.auth,
				headers: event.request.headers,
				client: clientKey(event.request, event.getClientAddress(), getConfig().trustProxy)
			},
			parsed.data
		);
		if (!result.ok) {
			if (result.reason === 'rate_limited') {
				event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
				return fail(429, {
					email,
					returnTo,
					error: result.reason,
					minutes: Math.max(1, Math.ceil((result.retryAfterSeconds ?? 60) / 60))
				});
			}
			if (result.reason === 'email_not_verified') {
				// The password was right: a new verification link went out, unless one went recently.
				return fail(403, {
					email,
					returnTo,
					error: result.linkSent ? result.reason : ('email_not_verified_recently' as const)
				});
			}
			return fail(result.reason === 'suspended' ? 403 : 400, {
				email,
				returnTo,
				error: result.reason
			});
		}
		redirect(
			303,
			result.twoFactorRequired
				? `/inloggen/tweestaps?terug=${encodeURIComponent(returnTo)}`
				: returnTo
		);
	}
};
