import { redirect } from '@sveltejs/kit';
import { cookieName, isLocale } from '$lib/paraglide/runtime';
import { safeReturn } from '$lib/server/safe-return';
import type { RequestHandler } from './$types';

/** Language switch that works without JavaScript: /taal?naar=en&terug=/netwerken */
export const GET: RequestHandler = ({ url, cookies }) => {
	const target = url.searchParams.get('naar');
	if (target && isLocale(target)) {
		cookies.set(cookieName, target, {
			path: '/',
			maxAge: 60 * 60 * 24 * 365,
			httpOnly: false,
			sameSite: 'lax'
		});
	}
	redirect(303, safeReturn(url.searchParams.get('terug')));
};
