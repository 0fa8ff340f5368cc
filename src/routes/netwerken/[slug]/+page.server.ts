import { error, fail, redirect } from '@sveltejs/kit';
import { latestThreads } from '$lib/server/features/discussions/queries';
import { joinNetwork, leaveNetwork } from '$lib/server/features/networks/mutations';
import { can } from '$lib/server/features/networks/policy';
import {
	networkCoordinators,
	networkFacts,
	networkForViewer,
	newestNetworkMembers
} from '$lib/server/features/networks/queries';
import { joinSchema } from '$lib/server/features/networks/schema';
import { isFollowing } from '$lib/server/features/contact/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import { getConfig } from '$lib/server/platform/config';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND = 'Dit netwerk bestaat niet, of je hebt er geen toegang toe.';

export const load: PageServerLoad = async ({ locals, params }) => {
	const viewer = viewerFrom(locals.user);
	const found = await networkForViewer(locals.db, params.slug, viewer);
	if (!found) error(404, NOT_FOUND);
	const { network, membership, subject } = found;
	const inside = can(viewer, 'see_inside', subject);
	const [facts, coordinators, members, following, threads] = await Promise.all([
		networkFacts(locals.db, network.id),
		networkCoordinators(locals.db, network.id),
		inside ? newestNetworkMembers(locals.db, network.id, 12) : null,
		viewer.kind === 'member' ? isFollowing(locals.db, viewer.userId, 'network', network.id) : false,
		inside ? latestThreads(locals.db, network.id, 5) : null
	]);
	return {
		network: {
			id: network.id,
			slug: network.slug,
			name: network.name,
			kind: network.kind,
			summary: network.summary,
			description: network.description,
			audience: network.audience,
			visibility: network.visibility,
			joinPolicy: network.join_policy
		},
		...facts,
		coordinators: inside ? coordinators : [],
		members: members
			? members.map((m) => ({
					id: m.id,
					name: m.name,
					organisation: m.organisation_name,
					coordinator: m.role === 'coordinator'
				}))
			: null,
		// The latest discussions, for those who may see inside (pinned first, then latest activity).
		threads: threads
			? threads.map((t) => ({
					id: t.id,
					kind: t.kind,
					title: t.title,
					pinned: t.pinned,
					answered: t.answered,
					replies: t.reply_count,
					lastActivityAt: t.last_activity_at
				}))
			: null,
		membership,
		may: {
			seeInside: inside,
			join: can(viewer, 'join', subject),
			request: can(viewer, 'request', subject),
			leave: can(viewer, 'leave', subject),
			coordinate: can(viewer, 'coordinate', subject)
		},
		signedIn: viewer.kind === 'member',
		following
	};
};

/** Both actions find the network as the viewer relates to it, and ask the policy again. */
async function subjectOf(locals: App.Locals, slug: string) {
	const viewer = viewerFrom(locals.user);
	const found = await networkForViewer(locals.db, slug, viewer);
	if (!found) error(404, NOT_FOUND);
	return { viewer, ...found };
}

export const actions: Actions = {
	aansluiten: async ({ locals, request, params, url }) => {
		if (!locals.user) redirect(303, `/inloggen?terug=${encodeURIComponent(url.pathname)}`);
		const { viewer, network, subject } = await subjectOf(locals, params.slug);
		if (viewer.kind !== 'member')
			error(403, 'Alleen leden van het kennisnetwerk kunnen aansluiten.');
		if (!can(viewer, 'join', subject) && !can(viewer, 'request', subject)) {
			return fail(403, { action: 'join', problem: subject.membership ? 'already' : 'not_allowed' });
		}
		const form = await request.formData();
		const parsed = joinSchema.safeParse({ message: form.get('message') ?? '' });
		if (!parsed.success) return fail(400, { action: 'join', problem: 'message_too_long' });
		const result = await joinNetwork(locals.db, {
			networkId: network.id,
			userId: viewer.userId,
			message: parsed.data.message,
			origin: getConfig().origin
		});
		if (!result.ok) return fail(409, { action: 'join', problem: result.reason });
		return { action: 'join', done: result.status };
	},
	verlaten: async ({ locals, params, url }) => {
		if (!locals.user) redirect(303, `/inloggen?terug=${encodeURIComponent(url.pathname)}`);
		const { viewer, network, subject } = await subjectOf(locals, params.slug);
		if (viewer.kind !== 'member' || !can(viewer, 'leave', subject)) {
			return fail(403, { action: 'leave', problem: 'not_member' });
		}
		const result = await leaveNetwork(locals.db, { networkId: network.id, userId: viewer.userId });
		if (!result.ok) return fail(409, { action: 'leave', problem: result.reason });
		// A private network is gone from view once you leave it.
		if (network.visibility === 'private') redirect(303, '/netwerken?verlaten=1');
		return { action: 'leave', done: result.was === 'requested' ? 'withdrawn' : 'left' };
	}
};
