import type { DB } from '../../db';

/** The account state that decides whether a sign-in may go on; undefined for an unknown address. */
export async function accountStatus(db: DB, email: string) {
	const row = await db
		.selectFrom('users')
		.select('status')
		.where('email', '=', email)
		.executeTakeFirst();
	return row?.status;
}
