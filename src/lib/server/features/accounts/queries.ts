import { domainToASCII } from 'node:url';
import { sql } from 'kysely';
import type { DB } from '../../db';
import { dialectOf } from '../../db/dialect';
import {
	ACTOR_REFERENCES,
	CHOICES_OF_OTHERS,
	HIDDEN,
	isSecretColumn,
	jsonValue,
	withoutLinks
} from './personal-data';

/** The account state that decides whether a sign-in may go on; undefined for an unknown address. */
export async function accountStatus(db: DB, email: string) {
	const row = await db
		.selectFrom('users')
		.select('status')
		.where('email', '=', email)
		.executeTakeFirst();
	return row?.status;
}

/** What the application form offers: organisations with their type, and the reference lists. */
export async function applicationFormOptions(db: DB) {
	const [organisations, organisationTypes, provinces, fieldRoles, themes] = await Promise.all([
		db
			.selectFrom('organisations')
			.select(['id', 'name', 'type_id', 'province_code'])
			.orderBy('name')
			.execute(),
		db.selectFrom('organisation_types').select(['id', 'name']).orderBy('position').execute(),
		db.selectFrom('provinces').select(['code', 'name']).orderBy('name').execute(),
		db.selectFrom('field_roles').select(['id', 'name']).orderBy('position').execute(),
		db.selectFrom('themes').select(['id', 'name']).orderBy('position').execute()
	]);
	return { organisations, organisationTypes, provinces, fieldRoles, themes };
}

/**
 * Which of the references an application names do not exist, by form field. Empty when all do.
 */
export async function missingApplicationReferences(
	db: DB,
	input: {
		organisationId: string | null;
		organisationTypeId: string | null;
		organisationProvinceCode: string | null;
		fieldRoleId: string;
		provinceCode: string;
		themeIds: string[];
	}
): Promise<string[]> {
	const exists = async (found: Promise<unknown>) => (await found) !== undefined;
	const checks: [string, Promise<boolean>][] = [
		[
			'fieldRole',
			exists(
				db
					.selectFrom('field_roles')
					.select('id')
					.where('id', '=', input.fieldRoleId)
					.executeTakeFirst()
			)
		],
		[
			'province',
			exists(
				db
					.selectFrom('provinces')
					.select('code')
					.where('code', '=', input.provinceCode)
					.executeTakeFirst()
			)
		]
	];
	if (input.organisationId !== null) {
		const id = input.organisationId;
		checks.push([
			'organisation',
			exists(db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst())
		]);
	}
	if (input.organisationTypeId !== null) {
		const id = input.organisationTypeId;
		checks.push([
			'newOrganisationType',
			exists(
				db.selectFrom('organisation_types').select('id').where('id', '=', id).executeTakeFirst()
			)
		]);
	}
	if (input.organisationProvinceCode !== null) {
		const code = input.organisationProvinceCode;
		checks.push([
			'newOrganisationProvince',
			exists(db.selectFrom('provinces').select('code').where('code', '=', code).executeTakeFirst())
		]);
	}
	if (input.themeIds.length > 0) {
		checks.push([
			'themes',
			db
				.selectFrom('themes')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('id', 'in', input.themeIds)
				.executeTakeFirstOrThrow()
				.then((r) => Number(r.n) === input.themeIds.length)
		]);
	}
	const results = await Promise.all(checks.map(async ([field, ok]) => [field, await ok] as const));
	return results.filter(([, ok]) => !ok).map(([field]) => field);
}

/** Whether a user with this id exists (better-auth answers a repeated sign-up with a made-up id). */
export async function userExists(db: DB, id: string): Promise<boolean> {
	const row = await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
	return row !== undefined;
}

/** The applicant behind an application id (the token in the verification link's return URL). */
export async function applicantOfApplication(db: DB, applicationId: string) {
	const row = await db
		.selectFrom('applications')
		.select('user_id')
		.where('id', '=', applicationId)
		.executeTakeFirst();
	return row?.user_id;
}

/**
 * The candidate allowlist entries for an address: its domain and every parent domain with at
 * least two labels ("a.utrecht.nl" -> "a.utrecht.nl", "utrecht.nl").
 */
export function domainCandidates(email: string): string[] {
	const at = email.lastIndexOf('@');
	if (at < 0) return [];
	const host = email
		.slice(at + 1)
		.trim()
		.toLowerCase()
		.replace(/\.$/, '');
	// Internationalised domains are stored as punycode (see normalizeDomain).
	const labels = (domainToASCII(host) || host).split('.');
	const candidates: string[] = [];
	for (let i = 0; i <= labels.length - 2; i++) candidates.push(labels.slice(i).join('.'));
	return candidates.filter((c) => c && !c.startsWith('.'));
}

/** The allowlist entry that covers this address (its domain or a parent domain), if any. */
export async function allowlistEntryFor(db: DB, email: string) {
	const candidates = domainCandidates(email);
	if (candidates.length === 0) return undefined;
	return db
		.selectFrom('domain_allowlist')
		.select(['id', 'domain'])
		.where('domain', 'in', candidates)
		.executeTakeFirst();
}

/**
 * The approval queue: applicants who verified their address and have no decision yet, oldest
 * first (first come, first served). Unverified sign-ups are not shown: anyone can type anyone's
 * address, and better-auth will not let them in before they verify anyway.
 */
export async function listApplicationQueue(db: DB) {
	return db
		.selectFrom('users as u')
		.leftJoin('applications as a', 'a.user_id', 'u.id')
		.leftJoin('organisations as o', 'o.id', 'u.organisation_id')
		.leftJoin('organisation_types as nt', 'nt.id', 'a.organisation_type_new')
		.leftJoin('provinces as np', 'np.code', 'a.organisation_province_new')
		.leftJoin('provinces as p', 'p.code', 'u.province_code')
		.leftJoin('field_roles as r', 'r.id', 'u.field_role_id')
		.select([
			'u.id',
			'u.name',
			'u.email',
			'u.created_at as signed_up_at',
			'a.created_at as applied_at',
			'a.motivation',
			'o.name as organisation_name',
			'a.organisation_name_new',
			'nt.name as organisation_type_new',
			'np.name as organisation_province_new',
			'p.name as province_name',
			'r.name as field_role_name'
		])
		.where('u.status', '=', 'applicant')
		.where('u.email_verified', '=', true)
		.where('a.decision', 'is', null)
		.orderBy('u.created_at', 'asc')
		.orderBy('u.id', 'asc')
		.execute();
}

export type QueueRow = Awaited<ReturnType<typeof listApplicationQueue>>[number];

/** The allowlist, alphabetically, with who added each domain (null: the seed or a removed admin). */
export async function listAllowlist(db: DB) {
	return db
		.selectFrom('domain_allowlist as d')
		.leftJoin('users as u', 'u.id', 'd.created_by')
		.select(['d.id', 'd.domain', 'd.note', 'd.created_at', 'u.name as created_by_name'])
		.orderBy('d.domain')
		.execute();
}

export type AllowlistRow = Awaited<ReturnType<typeof listAllowlist>>[number];

export const AUDIT_PAGE_SIZE = 50;

/**
 * One page of the audit log, newest first; a page past the end yields the last page. Names are
 * looked up now, so an erased account shows as nobody rather than as the name it had.
 */
export async function listAuditLog(db: DB, input: { page: number; pageSize?: number }) {
	const pageSize = input.pageSize ?? AUDIT_PAGE_SIZE;
	const { total } = await db
		.selectFrom('audit_log')
		.select((eb) => eb.fn.countAll<number>().as('total'))
		.executeTakeFirstOrThrow();
	const pageCount = Math.max(1, Math.ceil(Number(total) / pageSize));
	const page = Math.min(Math.max(1, Math.floor(input.page) || 1), pageCount);
	const rows = await db
		.selectFrom('audit_log as l')
		.leftJoin('users as actor', 'actor.id', 'l.actor_id')
		.leftJoin('users as subject', (join) =>
			join.onRef('subject.id', '=', 'l.subject_id').on('l.subject_type', '=', 'user')
		)
		.select([
			'l.id',
			'l.actor_id',
			'l.action',
			'l.subject_type',
			'l.subject_id',
			'l.details',
			'l.created_at',
			'actor.name as actor_name',
			'subject.name as subject_name',
			'subject.email as subject_email'
		])
		.orderBy('l.created_at', 'desc')
		.orderBy('l.id', 'desc')
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.execute();
	return { rows, total: Number(total), page, pageCount };
}

export type AuditPage = Awaited<ReturnType<typeof listAuditLog>>;
export type AuditRow = AuditPage['rows'][number];

/** The account a password-reset token belongs to, or undefined when the token is unknown or expired. */
export async function passwordResetAccount(db: DB, token: string, now = new Date()) {
	const row = await db
		.selectFrom('verifications')
		.innerJoin('users', 'users.id', 'verifications.value')
		.select(['users.id', 'users.name', 'users.email', 'verifications.expires_at'])
		.where('verifications.identifier', '=', `reset-password:${token}`)
		.executeTakeFirst();
	if (!row || new Date(row.expires_at).getTime() <= now.getTime()) return undefined;
	return { id: row.id, name: row.name, email: row.email };
}

/** An account's e-mail address and password hash (null without a password), for re-authentication. */
export async function accountCredentials(db: DB, userId: string) {
	const user = await db
		.selectFrom('users')
		.select(['id', 'email'])
		.where('id', '=', userId)
		.executeTakeFirst();
	if (!user) return undefined;
	const account = await db
		.selectFrom('accounts')
		.select('password')
		.where('user_id', '=', userId)
		.where('provider_id', '=', 'credential')
		.executeTakeFirst();
	return { email: user.email, passwordHash: account?.password ?? null };
}

export type OnDelete = 'cascade' | 'set null' | 'set default' | 'restrict' | 'no action';

/** A column that refers to users.id, found from the database's own catalogue. */
export interface UserReference {
	table: string;
	column: string;
	onDelete: OnDelete;
	nullable: boolean;
}

const PG_ON_DELETE: Record<string, OnDelete> = {
	a: 'no action',
	r: 'restrict',
	c: 'cascade',
	n: 'set null',
	d: 'set default'
};

/**
 * Every column of every table that refers to users, read from the schema at run time (SQLite's
 * pragma_foreign_key_list, PostgreSQL's pg_constraint in the current schema), so a table added
 * later is never forgotten by the export or the erasure.
 */
export async function userReferences(db: DB): Promise<UserReference[]> {
	if (dialectOf(db) === 'postgres') {
		const { rows } = await sql<{
			table: string;
			column: string;
			on_delete: string;
			not_null: boolean;
		}>`
			select cl.relname as "table", a.attname as "column", c.confdeltype as on_delete,
				a.attnotnull as not_null
			from pg_constraint c
			join pg_class cl on cl.oid = c.conrelid
			join pg_class ref on ref.oid = c.confrelid
			join pg_namespace n on n.oid = ref.relnamespace
			join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
			where c.contype = 'f' and ref.relname = 'users' and n.nspname = current_schema()
			order by 1, 2`.execute(db);
		return rows.map((r) => ({
			table: r.table,
			column: r.column,
			onDelete: PG_ON_DELETE[r.on_delete] ?? 'no action',
			nullable: !r.not_null
		}));
	}
	const { rows } = await sql<{
		table: string;
		column: string;
		on_delete: string;
		not_null: number;
	}>`
		select m.name as "table", f."from" as "column", f.on_delete as on_delete,
			coalesce(i."notnull", 0) as not_null
		from sqlite_master m
		join pragma_foreign_key_list(m.name) f
		left join pragma_table_info(m.name) i on i.name = f."from"
		where m.type = 'table' and f."table" = 'users'
		order by 1, 2`.execute(db);
	return rows.map((r) => ({
		table: r.table,
		column: r.column,
		onDelete: r.on_delete.toLowerCase() as OnDelete,
		nullable: !r.not_null
	}));
}

/** Every table and its text columns (for erasure checks: where could a name or address be?). */
export async function textColumns(db: DB): Promise<{ table: string; column: string }[]> {
	if (dialectOf(db) === 'postgres') {
		const { rows } = await sql<{ table: string; column: string }>`
			select table_name as "table", column_name as "column"
			from information_schema.columns
			where table_schema = current_schema()
				and data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
			order by 1, 2`.execute(db);
		return rows;
	}
	const { rows } = await sql<{ table: string; column: string; type: string }>`
		select m.name as "table", c.name as "column", c.type as type
		from sqlite_master m
		join pragma_table_info(m.name) c
		where m.type = 'table' and m.name not like 'sqlite_%'
		order by 1, 2`.execute(db);
	return rows
		.filter((r) => r.type === '' || /char|clob|text|json/i.test(r.type))
		.map(({ table, column }) => ({ table, column }));
}

type Row = Record<string, unknown>;

/** Hides secrets and turns values into JSON; `only` limits the columns shown. */
function exportRow(table: string, row: Row, only?: readonly string[]): Row {
	const out: Row = {};
	for (const [column, value] of Object.entries(row)) {
		if (only && !only.includes(column)) continue;
		out[column] = value !== null && isSecretColumn(table, column) ? HIDDEN : jsonValue(value);
	}
	return out;
}

async function rowsWhere(db: DB, table: string, column: string, value: string): Promise<Row[]> {
	const { rows } = await sql<Row>`
		select * from ${sql.table(table)} where ${sql.ref(column)} = ${value}`.execute(db);
	return rows;
}

/** The export's shape: machine-readable, one entry per table that holds something about me. */
export interface AccountExport {
	format: 'kennisnetwerk-gegevens';
	version: 1;
	exportedAt: string;
	/** What "[verborgen]" means, in Dutch (the export is for the member). */
	note: string;
	user: Row;
	/** Per table, the rows that refer to me, by the column that does. */
	tables: Record<string, Record<string, Row[]>>;
}

/**
 * Everything the platform holds about one member: their users row, the rows of every table that
 * refers to them (only rows whose user column is them, so no other member's data comes along),
 * the verifications issued to them and the e-mails sent to them. Secrets (password hashes,
 * session tokens, two-factor secrets, verification tokens, links in e-mails) are "[verborgen]".
 * Undefined when there is no such user.
 */
export async function exportAccountData(
	db: DB,
	userId: string,
	now = new Date()
): Promise<AccountExport | undefined> {
	const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
	if (!user) return undefined;
	const tables: AccountExport['tables'] = {};
	const add = (table: string, column: string, rows: Row[]) => {
		(tables[table] ??= {})[column] = rows;
	};

	for (const ref of await userReferences(db)) {
		// Other members' rows that point at me (if users ever refers to itself) are theirs.
		if (ref.table === 'users') continue;
		const key = `${ref.table}.${ref.column}`;
		const only = ACTOR_REFERENCES[key] ?? CHOICES_OF_OTHERS[key];
		const rows = await rowsWhere(db, ref.table, ref.column, userId);
		add(
			ref.table,
			ref.column,
			rows.map((row) => exportRow(ref.table, row, only))
		);
	}

	// Not linked by a foreign key: reset tokens carry the user id as their value.
	const verifications = await db
		.selectFrom('verifications')
		.selectAll()
		.where((eb) => eb.or([eb('value', '=', userId), eb('identifier', '=', user.email)]))
		.execute();
	add(
		'verifications',
		'value',
		verifications.map((row) => exportRow('verifications', row))
	);

	// Not linked by a foreign key either: what was done with their address. Registrations as a
	// guest (their name, organisation and answers; the cancel link's token hidden) and
	// invitations to a network (only that they came: the inviter's message is the inviter's).
	const email = user.email.toLowerCase();
	const guest = await db
		.selectFrom('event_registrations')
		.selectAll()
		.where((eb) => eb(eb.fn('lower', ['guest_email']), '=', email))
		.orderBy('created_at')
		.execute();
	add(
		'event_registrations',
		'guest_email',
		guest.map((row) => exportRow('event_registrations', row))
	);
	const invitations = await db
		.selectFrom('network_invitations')
		.selectAll()
		.where((eb) => eb(eb.fn('lower', ['email']), '=', email))
		.orderBy('created_at')
		.execute();
	add(
		'network_invitations',
		'email',
		invitations.map((row) =>
			exportRow('network_invitations', row, [
				'id',
				'network_id',
				'email',
				'created_at',
				'expires_at',
				'accepted_at'
			])
		)
	);

	const mail = await db
		.selectFrom('mail_outbox')
		.selectAll()
		.where('to_address', '=', user.email)
		.orderBy('created_at')
		.execute();
	add(
		'mail_outbox',
		'to_address',
		mail.map((row) =>
			exportRow('mail_outbox', {
				...row,
				text_body: withoutLinks(row.text_body),
				html_body: row.html_body === null ? null : withoutLinks(row.html_body)
			})
		)
	);

	return {
		format: 'kennisnetwerk-gegevens',
		version: 1,
		exportedAt: now.toISOString(),
		note: `${HIDDEN}: een geheim (zoals een wachtwoord-hash, sessiesleutel of link met code) bestaat wel, maar staat om veiligheidsredenen niet in dit bestand.`,
		user: exportRow('users', user),
		tables
	};
}

/** The id of the newest application of the account with this address (any case), if any. */
export async function latestApplicationOf(db: DB, email: string): Promise<string | undefined> {
	const row = await db
		.selectFrom('applications as a')
		.innerJoin('users as u', 'u.id', 'a.user_id')
		.select('a.id')
		.where((eb) => eb(eb.fn('lower', ['u.email']), '=', email.trim().toLowerCase()))
		.orderBy('a.created_at', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row?.id;
}
