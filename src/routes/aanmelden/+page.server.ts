import { fail, redirect } from '@sveltejs/kit';
import { applyForMembership } from '$lib/server/features/accounts/apply';
import { applicationFormOptions } from '$lib/server/features/accounts/queries';
import { applySchema, fieldProblems, NEW_ORGANISATION } from '$lib/server/features/accounts/schema';
import { clientKey } from '$lib/server/platform/client-address';
import { getConfig } from '$lib/server/platform/config';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	// A signed-in person already has an account.
	if (locals.user) redirect(303, '/');
	const options = await applicationFormOptions(locals.db);
	const groups = options.organisationTypes
		.map((type) => ({
			label: type.name,
			organisations: options.organisations
				.filter((o) => o.type_id === type.id)
				.map((o) => ({ id: o.id, name: o.name }))
		}))
		.filter((group) => group.organisations.length > 0);
	return {
		newOrganisation: NEW_ORGANISATION,
		organisationGroups: groups,
		organisationTypes: options.organisationTypes,
		provinces: options.provinces.map((p) => ({ id: p.code, name: p.name })),
		fieldRoles: options.fieldRoles,
		themes: options.themes
	};
};

/** What the form sends back to refill itself: everything but the password. */
function valuesOf(form: FormData) {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value.slice(0, 2000) : '';
	};
	return {
		name: text('name'),
		email: text('email'),
		organisation: text('organisation'),
		newOrganisationName: text('newOrganisationName'),
		newOrganisationType: text('newOrganisationType'),
		newOrganisationProvince: text('newOrganisationProvince'),
		fieldRole: text('fieldRole'),
		province: text('province'),
		themes: form
			.getAll('themes')
			.filter((v): v is string => typeof v === 'string')
			.slice(0, 50),
		motivation: text('motivation')
	};
}

type Values = ReturnType<typeof valuesOf>;

/** Every refusal has the same shape, so the page reads it without narrowing. */
function refuse(
	status: number,
	values: Values,
	problems: Record<string, string>,
	extra: { rateLimitedMinutes?: number; passwordWarning?: string | null } = {}
) {
	return fail(status, {
		values,
		problems,
		rateLimitedMinutes: extra.rateLimitedMinutes ?? null,
		passwordWarning: extra.passwordWarning ?? null
	});
}

export const actions: Actions = {
	default: async (event) => {
		const { locals, request } = event;
		if (locals.user) redirect(303, '/');
		const form = await request.formData();
		const values = valuesOf(form);
		const parsed = applySchema.safeParse({ ...values, password: form.get('password') ?? '' });
		if (!parsed.success) {
			return refuse(400, values, fieldProblems(parsed.error));
		}

		const config = getConfig();
		const result = await applyForMembership(
			{
				db: locals.db,
				auth: locals.auth,
				headers: request.headers,
				client: clientKey(request, event.getClientAddress(), config.trustProxy),
				origin: config.origin
			},
			parsed.data
		);
		if (result.ok) redirect(303, '/aanmelden/verstuurd');
		switch (result.reason) {
			case 'rate_limited':
				event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
				return refuse(
					429,
					values,
					{},
					{
						rateLimitedMinutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60))
					}
				);
			case 'unknown_reference':
				return refuse(400, values, Object.fromEntries(result.fields.map((f) => [f, 'invalid'])));
			case 'weak_password':
				return refuse(
					400,
					values,
					{ password: result.refusal },
					{ passwordWarning: result.warning }
				);
		}
	}
};
