import type { DB } from '../../db';

/** Ends every session of an account at once (suspension, deletion, a refused sign-in). */
export async function endSessionsOf(db: DB, email: string): Promise<void> {
	await db
		.deleteFrom('sessions')
		.where('user_id', 'in', (eb) => eb.selectFrom('users').select('id').where('email', '=', email))
		.execute();
}
