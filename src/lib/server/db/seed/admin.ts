import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import type { DB } from '../index';

export type FirstAdminResult =
	{ ok: true; created: boolean; email: string | null } | { ok: false; message: string };

/**
 * A clean start (SEED_DEMO=false) needs one admin. When none exists, ADMIN_EMAIL and
 * ADMIN_PASSWORD create it; when one exists, nothing changes.
 */
export async function ensureFirstAdmin(
	db: DB,
	email: string | undefined,
	password: string | undefined
): Promise<FirstAdminResult> {
	const admin = await db
		.selectFrom('users')
		.select('email')
		.where('role', '=', 'admin')
		.executeTakeFirst();
	if (admin) return { ok: true, created: false, email: admin.email };
	if (!email || !password) {
		return {
			ok: false,
			message:
				'Configuration error: SEED_DEMO=false needs ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin'
		};
	}
	if (password.length < 12) {
		return {
			ok: false,
			message: 'Configuration error: ADMIN_PASSWORD must be at least 12 characters long'
		};
	}
	const id = randomUUID();
	const hash = await hashPassword(password);
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('users')
			.values({
				id,
				email,
				name: 'Beheerder',
				email_verified: true,
				role: 'admin',
				status: 'active',
				is_demo: false
			})
			.execute();
		await trx
			.insertInto('accounts')
			.values({
				id: randomUUID(),
				account_id: id,
				provider_id: 'credential',
				user_id: id,
				password: hash
			})
			.execute();
	});
	return { ok: true, created: true, email };
}
