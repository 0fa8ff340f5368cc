import { error, fail, redirect } from '@sveltejs/kit';
import { updateItem } from '$lib/server/features/knowledge/mutations';
import { can } from '$lib/server/features/knowledge/policy';
import { formOptions, formValuesOf, maySeeNetwork } from '$lib/server/features/knowledge/queries';
import {
	fieldProblems,
	formInput,
	knowledgeInputSchema
} from '$lib/server/features/knowledge/schema';
import { formVersion, GONE, knowledgeItem } from '../../access';
import type { Actions, PageServerLoad } from './$types';
import { reportPublished } from '$lib/server/features/followup/mutations';
import { getConfig } from '$lib/server/platform/config';

const NOT_YOURS = 'Alleen de auteurs en de redactie bewerken dit item.';

async function editable(locals: App.Locals, url: URL, slug: string) {
	const found = await knowledgeItem(locals, url, slug, { member: true });
	if (!can(found.viewer, 'edit', found.subject)) error(403, NOT_YOURS);
	return found;
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { viewer, item } = await editable(locals, url, params.slug);
	const [values, options] = await Promise.all([
		formValuesOf(locals.db, item.id),
		formOptions(locals.db, viewer)
	]);
	if (!values) error(404, GONE);
	// A network-only item keeps its network in the list, also for an editor outside it.
	if (values.network && !options.networks.some((n) => n.slug === values.network)) {
		options.networks = [...options.networks, { slug: values.network, name: values.network }];
	}
	return {
		item: {
			slug: item.slug,
			title: item.title,
			status: item.status,
			version: Number(item.version)
		},
		values,
		options
	};
};

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		const { viewer, item } = await editable(locals, url, params.slug);
		const form = await request.formData();
		const values = formInput(form);
		const version = formVersion(form);
		const parsed = knowledgeInputSchema.safeParse(values);
		if (!parsed.success)
			return fail(400, { values, version, problems: fieldProblems(parsed.error) });
		const current = await formValuesOf(locals.db, item.id);
		// Keeping an item in its network is fine; moving it into another needs membership there.
		if (
			parsed.data.visibility === 'network' &&
			parsed.data.network !== current?.network &&
			!(await maySeeNetwork(locals.db, viewer, parsed.data.network))
		) {
			return fail(400, { values, version, problems: { network: 'not_in_network' } });
		}
		const result = await updateItem(locals.db, {
			itemId: item.id,
			editorId: locals.user!.id,
			expectedVersion: version,
			input: parsed.data,
			publish: form.get('publish') === '1'
		});
		if (!result.ok) {
			if (result.reason === 'not_found') error(404, GONE);
			// The writer keeps their text; the form says the item changed meanwhile.
			return fail(result.reason === 'changed' ? 409 : 400, {
				values,
				version,
				problem: result.reason
			});
		}
		if (form.get('publish') === '1') {
			await reportPublished(locals.db, { itemId: item.id, origin: getConfig().origin });
		}
		redirect(303, `/kennis/${item.slug}`);
	}
};
