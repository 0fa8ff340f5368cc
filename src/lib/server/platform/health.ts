import { type DB, ping } from '../db';

export interface Health {
	status: 'ok' | 'unavailable';
	database: 'ok' | 'unreachable';
}

/** Healthy means the database answers within two seconds. */
export async function checkHealth(db: DB, timeoutMs = 2_000): Promise<Health> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error('database ping timed out')), timeoutMs);
	});
	try {
		await Promise.race([ping(db), timeout]);
		return { status: 'ok', database: 'ok' };
	} catch {
		return { status: 'unavailable', database: 'unreachable' };
	} finally {
		clearTimeout(timer);
	}
}
