import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect';

// A time-based code works once (OWASP ASVS 2.8.4): the codes each account used in the last few
// minutes, hashed, so the same code is refused while the authenticator still shows it.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(dialectOf(db));
	await db.schema
		.createTable('totp_uses')
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('code_hash', 'text', (c) => c.notNull())
		.addColumn('used_at', t.timestamp, (c) => c.notNull())
		.addPrimaryKeyConstraint('totp_uses_pk', ['user_id', 'code_hash'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('totp_uses').execute();
}
