import { fail } from '@sveltejs/kit';
import { authorize } from '$lib/server/authorize';
import { fieldProblems } from '$lib/server/features/accounts/schema';
import { applicationFormOptions } from '$lib/server/features/accounts/queries';
import { invalidateDirectory } from '$lib/server/features/people/index-cache';
import { removePhoto, updateProfile } from '$lib/server/features/people/mutations';
import { PHOTO_MAX_BYTES, photosDir } from '$lib/server/features/people/photo';
import { photoUrl } from '$lib/server/features/people/present';
import { ownProfile } from '$lib/server/features/people/queries';
import { profileSchema } from '$lib/server/features/people/schema';
import { getConfig } from '$lib/server/platform/config';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	// Applicants may prepare their profile; other members see it once they are approved.
	authorize(locals, url, 'manage_own_account');
	const [profile, options] = await Promise.all([
		ownProfile(locals.db, locals.user.id),
		applicationFormOptions(locals.db)
	]);
	if (!profile) return { profile: null, options: null };
	const groups = options.organisationTypes
		.map((type) => ({
			label: type.name,
			organisations: options.organisations
				.filter((o) => o.type_id === type.id)
				.map((o) => ({ id: o.id, name: o.name }))
		}))
		.filter((group) => group.organisations.length > 0);
	return {
		profile: { ...profile, photoUrl: photoUrl(profile.id, profile.photo) },
		options: {
			organisationGroups: groups,
			provinces: options.provinces.map((p) => ({ id: p.code, name: p.name })),
			fieldRoles: options.fieldRoles,
			themes: options.themes
		}
	};
};

/** What the form sends back to refill itself after a refusal. */
function valuesOf(form: FormData) {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value.slice(0, 4000) : '';
	};
	return {
		name: text('name'),
		jobTitle: text('jobTitle'),
		organisation: text('organisation'),
		fieldRole: text('fieldRole'),
		province: text('province'),
		themes: form
			.getAll('themes')
			.filter((v): v is string => typeof v === 'string')
			.slice(0, 50),
		askMeAbout: text('askMeAbout'),
		lookingFor: text('lookingFor'),
		bio: text('bio'),
		showEmail: form.get('showEmail') === 'ja'
	};
}

type Values = ReturnType<typeof valuesOf>;

/** Every answer has one shape: what was done, or the problems per field and the values sent. */
function answer(
	outcome: { saved: true } | { photoRemoved: true },
	values: Values | null = null,
	problems: Record<string, string> = {}
) {
	return {
		saved: 'saved' in outcome,
		photoRemoved: 'photoRemoved' in outcome,
		values,
		problems
	};
}

function refuse(status: number, values: Values, problems: Record<string, string>) {
	return fail(status, { saved: false, photoRemoved: false, values, problems });
}

export const actions: Actions = {
	opslaan: async ({ locals, request, url }) => {
		authorize(locals, url, 'manage_own_account');
		const form = await request.formData();
		const values = valuesOf(form);
		const parsed = profileSchema.safeParse(values);
		const upload = form.get('photo');
		const file = upload instanceof File && upload.size > 0 ? upload : null;
		if (!parsed.success) return refuse(400, values, fieldProblems(parsed.error));
		// Refused before its bytes are read.
		if (file && file.size > PHOTO_MAX_BYTES) {
			return refuse(400, values, { photo: 'photo_too_large' });
		}
		const result = await updateProfile(locals.db, {
			userId: locals.user.id,
			profile: parsed.data,
			photo: file ? new Uint8Array(await file.arrayBuffer()) : null,
			photosDir: photosDir(getConfig().dataDir)
		});
		if (result.ok) {
			// The directory shows the change with the next search.
			invalidateDirectory(locals.db);
			return answer({ saved: true });
		}
		switch (result.reason) {
			case 'not_found':
				return refuse(404, values, { form: 'not_found' });
			case 'unknown_reference':
				return refuse(400, values, Object.fromEntries(result.fields.map((f) => [f, 'invalid'])));
			default:
				return refuse(400, values, { photo: result.reason });
		}
	},
	fotoVerwijderen: async ({ locals, url }) => {
		authorize(locals, url, 'manage_own_account');
		await removePhoto(locals.db, {
			userId: locals.user.id,
			photosDir: photosDir(getConfig().dataDir)
		});
		return answer({ photoRemoved: true });
	}
};
