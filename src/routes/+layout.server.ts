import { can } from '$lib/server/features/accounts/policy';
import { unreadSummary } from '$lib/server/features/contact/queries';
import { listPartners } from '$lib/server/features/organisations/queries';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, route, params }) => {
	// For the header: new messages and contact requests. On a conversation's own page that
	// conversation is being read, so it does not count (reading route and params also makes this
	// load run again on every navigation, so the number stays current).
	const reading = route.id === '/berichten/[id]' ? params.id : undefined;
	const [partners, unread] = await Promise.all([
		listPartners(locals.db),
		locals.user && can(locals.user, 'see_member_pages')
			? unreadSummary(locals.db, locals.user.id, { except: reading })
			: null
	]);
	return {
		unread: unread ? unread.messages + unread.requests : null,
		locale: locals.locale,
		user: locals.user
			? {
					name: locals.user.name,
					email: locals.user.email,
					role: locals.user.role,
					status: locals.user.status
				}
			: null,
		partners: partners.map((p) => ({ name: p.name, website: p.website }))
	};
};
