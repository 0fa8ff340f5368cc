import { fail } from '@sveltejs/kit';
import { requestPasswordReset } from '$lib/server/features/accounts/password-reset';
import { passwordResetRequestSchema } from '$lib/server/features/accounts/schema';
import { clientKey } from '$lib/server/platform/client-address';
import { getConfig } from '$lib/server/platform/config';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const email = String(form.get('email') ?? '');
		const parsed = passwordResetRequestSchema.safeParse({ email });
		if (!parsed.success) return fail(400, { email, error: 'invalid_email' as const });

		const result = await requestPasswordReset(
			{
				db: event.locals.db,
				auth: event.locals.auth,
				headers: event.request.headers,
				client: clientKey(event.request, event.getClientAddress(), getConfig().trustProxy)
			},
			parsed.data
		);
		if (!result.ok) {
			event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			return fail(429, {
				email,
				error: 'rate_limited' as const,
				minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60))
			});
		}
		// The same answer whether or not the address has an account.
		return { sent: true as const, email: parsed.data.email };
	}
};
