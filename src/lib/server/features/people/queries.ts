import type { DB } from '../../db';
import { threadsStartedBy } from '../discussions/queries';
import { eventsWithSpeaker } from '../events/queries';
import { itemsByAuthor } from '../knowledge/queries';
import { networksOfMember } from '../networks/queries';
import type { Viewer } from '../viewer';
import type { DirectoryData } from './directory';
import type { Named } from './suggestions';

/**
 * The people of the network as members see them: the directory, profiles and "Wie deed dit al?".
 * Only active members appear anywhere here: applicants and suspended accounts never do.
 */

/**
 * Everything the directory's index (directory.ts) is built from: every active member with what
 * it filters, searches and sorts on, and the lists it filters by.
 */
export async function loadDirectoryData(db: DB): Promise<DirectoryData> {
	const [
		members,
		memberThemes,
		memberships,
		organisations,
		provinces,
		organisationTypes,
		themes,
		roles,
		networks
	] = await Promise.all([
		db
			.selectFrom('users')
			.select([
				'id',
				'name',
				'job_title',
				'organisation_id',
				'province_code',
				'field_role_id',
				'last_active_at',
				'ask_me_about',
				'looking_for'
			])
			.where('status', '=', 'active')
			.execute(),
		db
			.selectFrom('user_themes')
			.innerJoin('users', 'users.id', 'user_themes.user_id')
			.select(['user_themes.user_id', 'user_themes.theme_id'])
			.where('users.status', '=', 'active')
			.execute(),
		db
			.selectFrom('network_members')
			.innerJoin('users', 'users.id', 'network_members.user_id')
			.select(['network_members.network_id', 'network_members.user_id', 'network_members.role'])
			.where('users.status', '=', 'active')
			.where('network_members.status', '=', 'active')
			.execute(),
		db.selectFrom('organisations').select(['id', 'slug', 'name', 'type_id']).execute(),
		db.selectFrom('provinces').select(['code', 'name']).orderBy('name').execute(),
		db.selectFrom('organisation_types').select(['id', 'name']).orderBy('position').execute(),
		db.selectFrom('themes').select(['id', 'name']).orderBy('position').execute(),
		db.selectFrom('field_roles').select(['id', 'name']).orderBy('position').execute(),
		db
			.selectFrom('networks')
			.select(['id', 'slug', 'name', 'visibility', 'join_policy'])
			.orderBy('position')
			.orderBy('name')
			.execute()
	]);
	return {
		members,
		memberThemes,
		memberships,
		organisations,
		provinces,
		organisationTypes,
		themes,
		roles,
		networks
	};
}

/**
 * A cheap summary of what the directory's index is built from: when it changes, the index is
 * out of date. Counts catch what is added or removed, the latest change times what is edited
 * (a profile, a status, an approval all set users.updated_at).
 */
export async function directoryFingerprint(db: DB): Promise<string> {
	const row = await db
		.selectNoFrom((eb) => [
			eb
				.selectFrom('users')
				.select((q) => q.fn.countAll<number>().as('n'))
				.as('users'),
			eb
				.selectFrom('users')
				.select((q) => q.fn.max('updated_at').as('m'))
				.as('users_changed'),
			eb
				.selectFrom('network_members')
				.select((q) => q.fn.countAll<number>().as('n'))
				.as('memberships'),
			eb
				.selectFrom('network_members')
				.select((q) => q.fn.max('created_at').as('m'))
				.as('memberships_added'),
			eb
				.selectFrom('network_members')
				.select((q) => q.fn.max('decided_at').as('m'))
				.as('memberships_decided'),
			eb
				.selectFrom('organisations')
				.select((q) => q.fn.countAll<number>().as('n'))
				.as('organisations'),
			eb
				.selectFrom('organisations')
				.select((q) => q.fn.max('updated_at').as('m'))
				.as('organisations_changed'),
			eb
				.selectFrom('networks')
				.select((q) => q.fn.countAll<number>().as('n'))
				.as('networks'),
			eb
				.selectFrom('networks')
				.select((q) => q.fn.max('updated_at').as('m'))
				.as('networks_changed')
		])
		.executeTakeFirstOrThrow();
	return JSON.stringify(Object.values(row).map((v) => (v === null ? null : String(v))));
}

/**
 * The members the directory or a suggestion shows, fresh from the database and in the order of
 * `ids`: whoever is no longer active is left out.
 */
export async function directoryMembers(db: DB, ids: string[]) {
	if (ids.length === 0) return [];
	const [rows, themes] = await Promise.all([
		db
			.selectFrom('users as u')
			.leftJoin('organisations as o', 'o.id', 'u.organisation_id')
			.leftJoin('provinces as p', 'p.code', 'u.province_code')
			.select([
				'u.id',
				'u.name',
				'u.email',
				'u.show_email',
				'u.job_title',
				'u.photo',
				'u.province_code',
				'o.slug as organisation_slug',
				'o.name as organisation_name',
				'p.name as province_name'
			])
			.where('u.id', 'in', ids)
			.where('u.status', '=', 'active')
			.execute(),
		themesOf(db, ids)
	]);
	const byId = new Map(rows.map((row) => [row.id, row]));
	return ids
		.map((id) => byId.get(id))
		.filter((row) => row !== undefined)
		.map((row) => ({
			id: row.id,
			name: row.name,
			// Only when the member shows it.
			email: row.show_email ? row.email : null,
			jobTitle: row.job_title,
			organisation:
				row.organisation_slug && row.organisation_name
					? { slug: row.organisation_slug, name: row.organisation_name }
					: null,
			province:
				row.province_code && row.province_name
					? { code: row.province_code, name: row.province_name }
					: null,
			photo: row.photo,
			themes: themes.get(row.id) ?? []
		}));
}

export type DirectoryMember = Awaited<ReturnType<typeof directoryMembers>>[number];

/** The themes of some members, in the reference order. */
async function themesOf(db: DB, userIds: string[]): Promise<Map<string, Named[]>> {
	const byUser = new Map<string, Named[]>();
	if (userIds.length === 0) return byUser;
	const rows = await db
		.selectFrom('user_themes as ut')
		.innerJoin('themes as t', 't.id', 'ut.theme_id')
		.select(['ut.user_id', 't.id', 't.name'])
		.where('ut.user_id', 'in', userIds)
		.orderBy('t.position')
		.execute();
	for (const row of rows) {
		const list = byUser.get(row.user_id) ?? [];
		list.push({ id: row.id, name: row.name });
		byUser.set(row.user_id, list);
	}
	return byUser;
}

/** The columns a profile shows, for active members only. */
function activeMembers(db: DB) {
	return db
		.selectFrom('users as u')
		.leftJoin('organisations as o', 'o.id', 'u.organisation_id')
		.leftJoin('organisation_types as ot', 'ot.id', 'o.type_id')
		.leftJoin('provinces as p', 'p.code', 'u.province_code')
		.leftJoin('field_roles as r', 'r.id', 'u.field_role_id')
		.select([
			'u.id',
			'u.name',
			'u.email',
			'u.show_email',
			'u.job_title',
			'u.photo',
			'u.bio',
			'u.ask_me_about',
			'u.looking_for',
			'u.province_code',
			'u.last_active_at',
			'o.slug as organisation_slug',
			'o.name as organisation_name',
			'ot.name as organisation_type',
			'p.name as province_name',
			'r.name as field_role_name'
		])
		.where('u.status', '=', 'active');
}

/**
 * One member's profile as the viewer sees it: undefined unless the member is active (applicants,
 * suspended and unknown accounts are "not found"). The e-mail address only when the member
 * shows it; networks as the viewer may see them (a private network only to its own members).
 */
export async function memberProfile(db: DB, memberId: string, viewer: Viewer) {
	const member = await activeMembers(db).where('u.id', '=', memberId).executeTakeFirst();
	if (!member) return undefined;
	const [themes, networks] = await Promise.all([
		themesOf(db, [member.id]),
		networksOfMember(db, member.id, viewer)
	]);
	const isSelf = viewer.kind === 'member' && viewer.userId === member.id;
	return {
		id: member.id,
		name: member.name,
		email: member.show_email ? member.email : null,
		showsEmail: Boolean(member.show_email),
		isSelf,
		jobTitle: member.job_title,
		photo: member.photo,
		bio: member.bio,
		askMeAbout: member.ask_me_about,
		lookingFor: member.looking_for,
		organisation: member.organisation_name
			? {
					slug: member.organisation_slug!,
					name: member.organisation_name,
					type: member.organisation_type
				}
			: null,
		province: member.province_code
			? { code: member.province_code, name: member.province_name ?? member.province_code }
			: null,
		fieldRole: member.field_role_name,
		themes: themes.get(member.id) ?? [],
		networks: networks.map((n) => ({ slug: n.slug, name: n.name, role: n.role }))
	};
}

export type MemberProfile = NonNullable<Awaited<ReturnType<typeof memberProfile>>>;

/** The signed-in person's own profile, for the form (any status: applicants may prepare it). */
export async function ownProfile(db: DB, userId: string) {
	const row = await db
		.selectFrom('users')
		.select([
			'id',
			'name',
			'email',
			'job_title',
			'organisation_id',
			'field_role_id',
			'province_code',
			'bio',
			'ask_me_about',
			'looking_for',
			'show_email',
			'photo',
			'status'
		])
		.where('id', '=', userId)
		.executeTakeFirst();
	if (!row) return undefined;
	const themes = await db
		.selectFrom('user_themes')
		.select('theme_id')
		.where('user_id', '=', userId)
		.execute();
	return {
		id: row.id,
		name: row.name,
		email: row.email,
		status: row.status,
		jobTitle: row.job_title ?? '',
		organisation: row.organisation_id ?? '',
		fieldRole: row.field_role_id ?? '',
		province: row.province_code ?? '',
		themes: themes.map((t) => t.theme_id),
		askMeAbout: row.ask_me_about ?? '',
		lookingFor: row.looking_for ?? '',
		bio: row.bio ?? '',
		showEmail: Boolean(row.show_email),
		photo: row.photo
	};
}

export type OwnProfile = NonNullable<Awaited<ReturnType<typeof ownProfile>>>;

/** The photo file of an active member, for /leden/[id]/foto; undefined when there is none. */
export async function photoOfMember(db: DB, memberId: string): Promise<string | undefined> {
	const row = await db
		.selectFrom('users')
		.select('photo')
		.where('id', '=', memberId)
		.where('status', '=', 'active')
		.executeTakeFirst();
	return row?.photo ?? undefined;
}

/** The photo file of one's own account, whatever its status (applicants may add one). */
export async function ownPhoto(db: DB, userId: string): Promise<string | undefined> {
	const row = await db
		.selectFrom('users')
		.select('photo')
		.where('id', '=', userId)
		.executeTakeFirst();
	return row?.photo ?? undefined;
}

/**
 * What a member contributed, for their profile, as far as the viewer may see it: the knowledge
 * items they (co-)wrote, the threads they started and the events they speak at, at most five
 * of each. Each list is one query that starts from the member's own rows.
 */
export async function contributionsOf(
	db: DB,
	memberId: string,
	viewer: Viewer,
	options: { now?: string } = {}
) {
	const [knowledge, threads, events] = await Promise.all([
		itemsByAuthor(db, memberId, viewer, 5),
		threadsStartedBy(db, memberId, viewer, 5),
		eventsWithSpeaker(db, memberId, viewer, { now: options.now, limit: 5 })
	]);
	return { knowledge, threads, events };
}

export type Contributions = Awaited<ReturnType<typeof contributionsOf>>;
