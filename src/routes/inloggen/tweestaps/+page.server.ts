import { fail, redirect } from '@sveltejs/kit';
import { verifyBackupCode, verifyTotpCode } from '$lib/server/features/accounts/two-factor';
import { safeReturn } from '$lib/server/safe-return';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeReturn(url.searchParams.get('terug')));
	return {};
};

export const actions: Actions = {
	totp: async ({ locals, request, url }) => {
		const form = await request.formData();
		const result = await verifyTotpCode({ auth: locals.auth, db: locals.db }, request.headers, {
			code: String(form.get('code') ?? ''),
			purpose: 'sign_in'
		});
		if (!result.ok) return fail(400, { error: result.reason });
		redirect(303, safeReturn(url.searchParams.get('terug')));
	},
	backup: async ({ locals, request, url }) => {
		const form = await request.formData();
		const result = await verifyBackupCode(
			locals.auth,
			request.headers,
			String(form.get('code') ?? '')
		);
		if (!result.ok) return fail(400, { error: result.reason });
		redirect(303, safeReturn(url.searchParams.get('terug')));
	}
};
