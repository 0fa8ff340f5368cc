import { fail, redirect } from '@sveltejs/kit';
import { startTwoFactor, verifyTotpCode } from '$lib/server/features/accounts/two-factor';
import { authorize } from '$lib/server/authorize';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	authorize(locals, url, 'manage_own_account');
	return {
		enabled: locals.user.twoFactorEnabled,
		required: locals.user.role === 'admin' && !locals.user.twoFactorEnabled
	};
};

export const actions: Actions = {
	start: async ({ locals, request, url }) => {
		authorize(locals, url, 'manage_own_account');
		const form = await request.formData();
		const result = await startTwoFactor(
			locals.auth,
			request.headers,
			String(form.get('password') ?? '')
		);
		if (!result.ok) return fail(400, { step: 'password' as const, error: result.reason });
		return {
			step: 'verify' as const,
			secret: result.secret,
			qrSvg: result.qrSvg,
			backupCodes: result.backupCodes
		};
	},
	verify: async ({ locals, request, url }) => {
		authorize(locals, url, 'manage_own_account');
		const form = await request.formData();
		const result = await verifyTotpCode({ auth: locals.auth, db: locals.db }, request.headers, {
			code: String(form.get('code') ?? ''),
			purpose: 'set_up'
		});
		if (!result.ok) {
			return fail(400, {
				step: 'verify' as const,
				error: result.reason,
				secret: String(form.get('secret') ?? '')
			});
		}
		redirect(303, '/profiel/tweestaps');
	}
};
