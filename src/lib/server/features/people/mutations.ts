import type { DB } from '../../db';
import { missingApplicationReferences } from '../accounts/queries';
import { deletePhotoFile, type PhotoProblem, preparePhoto, storePhotoFile } from './photo';
import type { ProfileField, ProfileInput } from './schema';
import { indexMember } from '../search/mutations';

export type ProfileResult =
	| { ok: true }
	| { ok: false; reason: 'not_found' }
	| { ok: false; reason: 'unknown_reference'; fields: ProfileField[] }
	| { ok: false; reason: PhotoProblem };

/**
 * A member saves their own profile, with a new photo when `photo` holds an upload's bytes. All
 * or nothing: a refused photo (or an unknown organisation, role, province or theme) leaves the
 * profile as it was. The photo is checked and made (features/people/photo.ts) before anything
 * is written; the old photo's file goes once the new profile is committed.
 */
export async function updateProfile(
	db: DB,
	input: { userId: string; profile: ProfileInput; photo: Uint8Array | null; photosDir: string }
): Promise<ProfileResult> {
	const { profile } = input;
	const missing = await missingApplicationReferences(db, {
		organisationId: profile.organisation,
		organisationTypeId: null,
		organisationProvinceCode: null,
		fieldRoleId: profile.fieldRole,
		provinceCode: profile.province,
		themeIds: profile.themes
	});
	if (missing.length > 0) {
		return { ok: false, reason: 'unknown_reference', fields: missing as ProfileField[] };
	}

	let newPhoto: string | null = null;
	if (input.photo) {
		const prepared = await preparePhoto(input.photo);
		if (!prepared.ok) return { ok: false, reason: prepared.reason };
		newPhoto = await storePhotoFile(input.photosDir, prepared.data);
	}

	let oldPhoto: string | null = null;
	try {
		const found = await db.transaction().execute(async (trx) => {
			const current = await trx
				.selectFrom('users')
				.select('photo')
				.where('id', '=', input.userId)
				.executeTakeFirst();
			if (!current) return false;
			oldPhoto = current.photo;
			await trx
				.updateTable('users')
				.set({
					name: profile.name,
					job_title: profile.jobTitle,
					organisation_id: profile.organisation,
					field_role_id: profile.fieldRole,
					province_code: profile.province,
					ask_me_about: profile.askMeAbout,
					looking_for: profile.lookingFor,
					bio: profile.bio,
					show_email: profile.showEmail,
					...(newPhoto ? { photo: newPhoto } : {}),
					updated_at: new Date().toISOString()
				})
				.where('id', '=', input.userId)
				.execute();
			await trx.deleteFrom('user_themes').where('user_id', '=', input.userId).execute();
			if (profile.themes.length > 0) {
				await trx
					.insertInto('user_themes')
					.values(profile.themes.map((theme_id) => ({ user_id: input.userId, theme_id })))
					.execute();
			}
			await indexMember(trx, input.userId);
			return true;
		});
		if (!found) {
			await deletePhotoFile(input.photosDir, newPhoto);
			return { ok: false, reason: 'not_found' };
		}
	} catch (error) {
		await deletePhotoFile(input.photosDir, newPhoto);
		throw error;
	}
	if (newPhoto) await deletePhotoFile(input.photosDir, oldPhoto);
	return { ok: true };
}

/** A member removes their photo: the profile shows initials again and the file goes. */
export async function removePhoto(
	db: DB,
	input: { userId: string; photosDir: string }
): Promise<{ removed: boolean }> {
	const photo = await db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('users')
			.select('photo')
			.where('id', '=', input.userId)
			.executeTakeFirst();
		if (!row?.photo) return null;
		await trx
			.updateTable('users')
			.set({ photo: null, updated_at: new Date().toISOString() })
			.where('id', '=', input.userId)
			.execute();
		return row.photo;
	});
	await deletePhotoFile(input.photosDir, photo);
	return { removed: photo !== null };
}

/** How long a member's "last active" stays as it is: it changes at most once per period. */
export const ACTIVITY_PERIOD_MS = 60 * 60 * 1000;

/**
 * Notes that a member is active: one conditional UPDATE that changes the row at most once per
 * ACTIVITY_PERIOD_MS (and touches nothing else, not even updated_at). True when it changed.
 */
export async function touchLastActive(db: DB, userId: string, now = new Date()): Promise<boolean> {
	const before = new Date(now.getTime() - ACTIVITY_PERIOD_MS).toISOString();
	const result = await db
		.updateTable('users')
		.set({ last_active_at: now.toISOString() })
		.where('id', '=', userId)
		.where((eb) => eb.or([eb('last_active_at', 'is', null), eb('last_active_at', '<', before)]))
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}
