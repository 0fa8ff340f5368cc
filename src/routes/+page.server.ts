import { presentEventCard } from '$lib/server/features/events/present';
import { listEvents } from '$lib/server/features/events/queries';
import { homeReach } from '$lib/server/features/home/queries';
import { presentSummary } from '$lib/server/features/knowledge/present';
import { featuredItems } from '$lib/server/features/knowledge/queries';
import { listNetworks } from '$lib/server/features/networks/queries';
import { presentNetwork } from '$lib/server/features/networks/present';
import { presentSuggestion } from '$lib/server/features/people/present';
import { suggestionsFor } from '$lib/server/features/people/find';
import { viewerFrom } from '$lib/server/features/viewer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const viewer = viewerFrom(locals.user);
	const member = locals.user?.status === 'active' ? locals.user : null;
	const [networks, reach, suggestions, nextEvents, featured] = await Promise.all([
		listNetworks(locals.db, { viewer }),
		homeReach.get(locals.db),
		// "Wie deed dit al?" on a member's own start page.
		member ? suggestionsFor(locals.db, member.id) : [],
		// The next events the viewer may see.
		listEvents(locals.db, { viewer, when: 'upcoming', limit: 3, withTotal: false }),
		// What editors featured from the knowledge library, as far as the viewer may see it.
		featuredItems(locals.db, viewer)
	]);
	const presented = networks.map(presentNetwork);
	return {
		thematic: presented.filter((n) => n.kind === 'thematic'),
		regional: presented.filter((n) => n.kind === 'regional'),
		reach,
		suggestions: suggestions.map(presentSuggestion),
		nextEvents: nextEvents.events.map((e) =>
			presentEventCard(e, locals.locale === 'en' ? 'en' : 'nl')
		),
		featured: featured.map(presentSummary)
	};
};
