import { authorize } from '$lib/server/authorize';
import { ensureFeedToken, renewFeedToken } from '$lib/server/features/events/mutations';
import { myEvents } from '$lib/server/features/events/queries';
import { formatRange } from '$lib/server/features/events/time';
import { getConfig } from '$lib/server/platform/config';
import type { Actions, PageServerLoad } from './$types';

/** My events, and the secret address of my calendar feed (webcal://), which I can renew. */
function feedUrls(token: string) {
	const https = new URL(`/evenementen/agenda/${token}`, getConfig().origin);
	return { https: https.toString(), webcal: https.toString().replace(/^https?:/, 'webcal:') };
}

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'see_member_pages');
	const [token, events] = await Promise.all([
		ensureFeedToken(locals.db, locals.user.id),
		myEvents(locals.db, locals.user.id, new Date().toISOString())
	]);
	const locale = locals.locale === 'en' ? 'en' : 'nl';
	return {
		feed: feedUrls(token),
		events: events.map((e) => ({
			slug: e.slug,
			title: e.title,
			startsAt: e.starts_at,
			when: formatRange(e.starts_at, e.ends_at, locale),
			status: e.status
		}))
	};
};

export const actions: Actions = {
	vernieuwen: async ({ locals, url }) => {
		authorize(locals, url, 'see_member_pages');
		await renewFeedToken(locals.db, locals.user.id);
		return { renewed: true };
	}
};
