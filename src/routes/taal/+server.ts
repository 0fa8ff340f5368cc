import { redirect } from '@sveltejs/kit';
import { cookieName, isLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/** Language switch that works without JavaScript: /taal?naar=en&terug=/netwerken */
export const GET: RequestHandler = ({ url, cookies }) => {
	const target = url.searchParams.get('naar');
	const back = url.searchParams.get('terug') ?? '/';
	// Only paths on this site: no "//evil.example" or absolute URLs.
	const safeBack =
		back.startsWith('/') && !back.startsWith('//') && !back.startsWith('/\\') ? back : '/';
	if (target && isLocale(target)) {
		cookies.set(cookieName, target, {
			path: '/',
			maxAge: 60 * 60 * 24 * 365,
			httpOnly: false,
			sameSite: 'lax'
		});
	}
	redirect(303, safeBack);
};
