import { error, fail, redirect } from '@sveltejs/kit';
import {
	addComment,
	adoptItem,
	publishItem,
	recordView,
	setFeatured,
	toggleUseful
} from '$lib/server/features/knowledge/mutations';
import { can } from '$lib/server/features/knowledge/policy';
import { attachmentsOf } from '$lib/server/features/attachments/queries';
import { eventOfReport } from '$lib/server/features/followup/queries';
import { itemDetails } from '$lib/server/features/knowledge/queries';
import { adoptionSchema, commentSchema } from '$lib/server/features/knowledge/schema';
import { getConfig } from '$lib/server/platform/config';
import { formVersion, GONE, knowledgeItem } from '../access';
import type { Actions, PageServerLoad } from './$types';
import { reportPublished } from '$lib/server/features/followup/mutations';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { viewer, item, subject } = await knowledgeItem(locals, url, params.slug);
	// A view is counted on each page load of a published item by someone else than its authors.
	if (item.status === 'published' && !subject.isAuthor) await recordView(locals.db, item.id);
	const [details, attachments, event] = await Promise.all([
		itemDetails(locals.db, item, viewer),
		attachmentsOf(locals.db, item.id),
		item.event_id ? eventOfReport(locals.db, item.id, viewer) : undefined
	]);
	const adoptedProvinces = [
		...new Map(
			details.adoptions
				.filter((a) => a.province_code)
				.map((a) => [a.province_code, a.province ?? ''])
		).values()
	].sort();
	return {
		event: event ? { slug: event.slug, title: event.title } : null,
		item: {
			id: item.id,
			slug: item.slug,
			kind: item.kind,
			status: item.status,
			visibility: item.visibility,
			title: item.title,
			summary: item.summary,
			cover: item.cover_image,
			bodyHtml: item.body_html,
			challengeHtml: item.challenge_html,
			approachHtml: item.approach_html,
			resultHtml: item.result_html,
			lessonsHtml: item.lessons_html,
			costs: item.costs,
			mkbSegment: item.mkb_segment,
			period: item.period,
			version: Number(item.version),
			featured: item.featured,
			usefulCount: Number(item.useful_count),
			viewCount:
				Number(item.view_count) + (item.status === 'published' && !subject.isAuthor ? 1 : 0),
			publishedAt: item.published_at,
			updatedAt: item.updated_at
		},
		themes: details.themes,
		provinces: details.provinces,
		organisations: details.organisations.map((o) => ({ slug: o.slug, name: o.name, type: o.type })),
		authors: details.authors.map((a) => ({ id: a.id, name: a.name, organisation: a.organisation })),
		// The contact person's address is for members only.
		contact: details.contact
			? {
					id: details.contact.id,
					name: details.contact.name,
					organisation: details.contact.organisation,
					email: viewer.kind === 'member' ? details.contact.email : null
				}
			: null,
		network: details.network ? { slug: details.network.slug, name: details.network.name } : null,
		comments: details.comments.map((c) => ({
			id: c.id,
			html: c.body_html,
			createdAt: c.created_at,
			author: c.author_id ? { id: c.author_id, name: c.author_name ?? '' } : null
		})),
		adoptions: details.adoptions.map((a) => ({
			id: a.id,
			note: a.note,
			organisation: a.organisation,
			province: a.province,
			member:
				viewer.kind === 'member' && a.user_id ? { id: a.user_id, name: a.member_name ?? '' } : null
		})),
		adoptedProvinces,
		attachments,
		related: details.related,
		voted: details.voted,
		signedIn: viewer.kind === 'member',
		may: {
			edit: can(viewer, 'edit', subject),
			publish: can(viewer, 'publish', subject) && item.status === 'draft',
			history: can(viewer, 'see_history', subject),
			feature: can(viewer, 'feature', subject),
			comment: can(viewer, 'comment', subject),
			vote: can(viewer, 'vote', subject),
			adopt:
				can(viewer, 'adopt', subject) &&
				!details.adoptions.some((a) => viewer.kind === 'member' && a.user_id === viewer.userId)
		},
		url: `${getConfig().origin}/kennis/${item.slug}`
	};
};

/** The item for an action: members only; the policy decides, with a 403 when it says no. */
async function forAction(
	locals: App.Locals,
	url: URL,
	slug: string,
	action: Parameters<typeof can>[1]
) {
	const found = await knowledgeItem(locals, url, slug, { member: true });
	if (!can(found.viewer, action, found.subject)) error(403, 'Dat mag je bij dit item niet doen.');
	const userId = found.viewer.kind === 'member' ? found.viewer.userId : '';
	return { ...found, userId };
}

export const actions: Actions = {
	reageren: async ({ locals, url, params, request }) => {
		const { item, userId } = await forAction(locals, url, params.slug, 'comment');
		const form = await request.formData();
		const body = String(form.get('body') ?? '').slice(0, 20_000);
		const parsed = commentSchema.safeParse({ body });
		if (!parsed.success) return fail(400, { action: 'comment', problem: 'comment_missing', body });
		const result = await addComment(locals.db, {
			itemId: item.id,
			authorId: userId,
			...parsed.data
		});
		if (!result.ok) error(404, GONE);
		redirect(303, `/kennis/${item.slug}#reactie-${result.id}`);
	},
	nuttig: async ({ locals, url, params }) => {
		const { item, userId } = await forAction(locals, url, params.slug, 'vote');
		const result = await toggleUseful(locals.db, { itemId: item.id, userId });
		if (!result.ok) error(404, GONE);
		redirect(303, `/kennis/${item.slug}#nuttig`);
	},
	toepassen: async ({ locals, url, params, request }) => {
		const { item, userId } = await forAction(locals, url, params.slug, 'adopt');
		const form = await request.formData();
		const note = String(form.get('note') ?? '').slice(0, 2000);
		const parsed = adoptionSchema.safeParse({ note });
		if (!parsed.success) return fail(400, { action: 'adopt', problem: 'note_missing', note });
		const result = await adoptItem(locals.db, { itemId: item.id, userId, note: parsed.data.note });
		if (!result.ok) {
			if (result.reason === 'already_adopted')
				return fail(409, { action: 'adopt', problem: result.reason, note });
			error(404, GONE);
		}
		redirect(303, `/kennis/${item.slug}#toegepast`);
	},
	publiceren: async ({ locals, url, params, request }) => {
		const { item, userId } = await forAction(locals, url, params.slug, 'publish');
		const form = await request.formData();
		const result = await publishItem(locals.db, {
			itemId: item.id,
			editorId: userId,
			expectedVersion: formVersion(form)
		});
		if (!result.ok) {
			if (result.reason === 'not_found') error(404, GONE);
			return fail(409, { action: 'publish', problem: result.reason });
		}
		await reportPublished(locals.db, { itemId: item.id, origin: getConfig().origin });
		redirect(303, `/kennis/${item.slug}`);
	},
	uitlichten: async ({ locals, url, params, request }) => {
		const { item } = await forAction(locals, url, params.slug, 'feature');
		const form = await request.formData();
		await setFeatured(locals.db, { itemId: item.id, featured: form.get('featured') === '1' });
		redirect(303, `/kennis/${item.slug}`);
	}
};
