import { randomUUID } from 'node:crypto';
import type { DB } from '../db';
import type {
	JoinPolicy,
	NetworkKind,
	NetworkMemberRole,
	NetworkMemberStatus,
	NetworkVisibility
} from '../db/tables/networks';
import type { UserRole, UserStatus } from '../db/tables/users';
import type { EventInput } from '../features/events/schema';
import { slugify } from '../platform/slug';

let counter = 0;
const next = () => ++counter;

/** A member with sensible defaults; override what the test is about. Needs the reference seed. */
export async function buildMember(
	db: DB,
	overrides: Partial<{
		name: string;
		email: string;
		province: string;
		organisationSlug: string;
		role: UserRole;
		status: UserStatus;
		themes: string[];
	}> = {}
) {
	const n = next();
	const id = randomUUID();
	const organisation = overrides.organisationSlug
		? await db
				.selectFrom('organisations')
				.select('id')
				.where('slug', '=', overrides.organisationSlug)
				.executeTakeFirstOrThrow()
		: null;
	const row = {
		id,
		email: overrides.email ?? `lid${n}-${id.slice(0, 8)}@gemeente.example`,
		name: overrides.name ?? `Testlid ${n}`,
		email_verified: true,
		role: overrides.role ?? ('member' as const),
		status: overrides.status ?? ('active' as const),
		province_code: overrides.province ?? 'NL-UT',
		organisation_id: organisation?.id ?? null,
		is_demo: false
	};
	await db.insertInto('users').values(row).execute();
	for (const theme of overrides.themes ?? []) {
		await db
			.insertInto('user_themes')
			.values({ user_id: id, theme_id: slugify(theme) })
			.execute();
	}
	return row;
}

export async function buildNetwork(
	db: DB,
	overrides: Partial<{
		name: string;
		kind: NetworkKind;
		visibility: NetworkVisibility;
		joinPolicy: JoinPolicy;
	}> = {}
) {
	const n = next();
	const name = overrides.name ?? `Testnetwerk ${n}`;
	const row = {
		id: randomUUID(),
		slug: `${slugify(name)}-${n}`,
		name,
		kind: overrides.kind ?? ('thematic' as const),
		summary: `Samenvatting van ${name}`,
		description: '',
		audience: '',
		visibility: overrides.visibility ?? ('public' as const),
		join_policy: overrides.joinPolicy ?? ('open' as JoinPolicy),
		position: 100 + n
	};
	await db.insertInto('networks').values(row).execute();
	return row;
}

/** Puts a member in a network (active member unless told otherwise). */
export async function addNetworkMember(
	db: DB,
	networkId: string,
	userId: string,
	options: { role?: NetworkMemberRole; status?: NetworkMemberStatus } = {}
) {
	await db
		.insertInto('network_members')
		.values({
			network_id: networkId,
			user_id: userId,
			role: options.role ?? 'member',
			status: options.status ?? 'active'
		})
		.execute();
}

/**
 * An online members' webinar of the platform, `startsInDays` from now for two hours, as
 * createEvent takes it; override what the test is about. Needs the reference seed.
 */
export function eventInput(
	startsInDays: number,
	overrides: Partial<EventInput & { createdBy: string | null }> = {}
): EventInput & { createdBy: string | null } {
	const start = new Date(Date.now() + startsInDays * 86_400_000);
	return {
		title: `Webinar over ${startsInDays} dagen`,
		summary: 'Ondernemers en beleidsmakers delen wat werkt in de regio.',
		formatId: 'webinar',
		programme: '',
		organiserKind: 'platform',
		networkId: null,
		visibility: 'members',
		startsAt: start.toISOString(),
		endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
		locationKind: 'online',
		venue: '',
		address: '',
		onlineUrl: 'https://vergadering.example/webinar',
		capacity: null,
		registrationOpensAt: null,
		registrationClosesAt: null,
		questions: [],
		themeIds: [],
		provinceCodes: [],
		speakers: [],
		createdBy: null,
		...overrides
	};
}
