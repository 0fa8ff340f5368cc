import { can } from '$lib/server/features/discussions/policy';
import { networkThreads } from '$lib/server/features/discussions/queries';
import { pageNumber } from '$lib/server/features/discussions/schema';
import { discussionNetwork } from './access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { viewer, network, subject, membership } = await discussionNetwork(
		locals,
		url,
		params.slug
	);
	const list = await networkThreads(
		locals.db,
		network.id,
		pageNumber(url.searchParams.get('pagina'))
	);
	return {
		network: { slug: network.slug, name: network.name },
		threads: list.rows.map((row) => ({
			id: row.id,
			kind: row.kind,
			title: row.title,
			author: row.author_id === null ? null : (row.author_name ?? ''),
			pinned: row.pinned,
			locked: row.locked,
			answered: row.answered,
			replies: row.reply_count,
			lastActivityAt: row.last_activity_at
		})),
		total: list.total,
		page: list.page,
		pageCount: list.pageCount,
		mayStart: can(viewer, 'start', { network: subject }),
		isMember: membership?.status === 'active',
		deleted: url.searchParams.get('verwijderd') === '1'
	};
};
