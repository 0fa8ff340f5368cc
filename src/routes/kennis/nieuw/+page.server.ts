import { eventSubject } from '$lib/server/features/events/present';
import { fail, redirect } from '@sveltejs/kit';
import { authorize } from '$lib/server/authorize';
import { can } from '$lib/server/features/events/policy';
import { eventForViewer } from '$lib/server/features/events/queries';
import { reportPublished } from '$lib/server/features/followup/mutations';
import { createItem } from '$lib/server/features/knowledge/mutations';
import { formOptions, maySeeNetwork } from '$lib/server/features/knowledge/queries';
import {
	fieldProblems,
	formInput,
	KIND_PARAMS,
	knowledgeInputSchema
} from '$lib/server/features/knowledge/schema';
import { type Viewer, viewerFrom } from '$lib/server/features/viewer';
import { getConfig } from '$lib/server/platform/config';
import type { Actions, PageServerLoad } from './$types';

/** ?evenement=<slug>: a report of that event, when the writer may manage it (else ignored). */
async function reportedEvent(db: App.Locals['db'], url: URL, viewer: Viewer) {
	const slug = url.searchParams.get('evenement');
	if (!slug) return null;
	const event = await eventForViewer(db, slug.slice(0, 200), viewer);
	if (!event) return null;
	const subject = eventSubject(event);
	return can(viewer, 'manage', subject) ? event : null;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'see_member_pages');
	const viewer = viewerFrom(locals.user);
	// ?soort=inzicht (the library's Dutch kind names) starts the form as that kind.
	const wanted = url.searchParams.get('soort');
	const kind = Object.entries(KIND_PARAMS).find(([, param]) => param === wanted)?.[0];
	const event = await reportedEvent(locals.db, url, viewer);
	return {
		event: event ? { slug: event.slug, title: event.title } : null,
		options: await formOptions(locals.db, viewer),
		kind: kind ?? 'practice_example'
	};
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		authorize(locals, url, 'see_member_pages');
		const viewer = viewerFrom(locals.user);
		const form = await request.formData();
		const values = formInput(form);
		const parsed = knowledgeInputSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, problems: fieldProblems(parsed.error) });
		if (
			parsed.data.visibility === 'network' &&
			!(await maySeeNetwork(locals.db, viewer, parsed.data.network))
		) {
			return fail(400, { values, problems: { network: 'not_in_network' } });
		}
		const event = await reportedEvent(locals.db, url, viewer);
		const result = await createItem(locals.db, {
			writerId: locals.user.id,
			eventId: event?.id,
			input: parsed.data,
			publish: form.get('publish') === '1'
		});
		if (!result.ok) return fail(400, { values, problem: result.reason });
		// A published report of an event: its participants are told (once per event).
		await reportPublished(locals.db, { itemId: result.id, origin: getConfig().origin });
		redirect(303, `/kennis/${result.slug}`);
	}
};
