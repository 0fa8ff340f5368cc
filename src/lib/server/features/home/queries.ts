import type { DB } from '../../db';
import { memo } from '../../platform/memo';

/** The figures the home page shows: how far the network reaches (one query, four counts). */
export async function networkReach(db: DB) {
	const row = await db
		.selectNoFrom((eb) => [
			eb
				.selectFrom('users')
				.select((q) => q.fn.countAll<number>().as('n'))
				.where('status', '=', 'active')
				.as('members'),
			eb
				.selectFrom('users')
				.select((q) => q.fn.count<number>('organisation_id').distinct().as('n'))
				.where('status', '=', 'active')
				.as('organisations'),
			eb
				.selectFrom('users')
				.select((q) => q.fn.count<number>('province_code').distinct().as('n'))
				.where('status', '=', 'active')
				.as('provinces'),
			eb
				.selectFrom('users')
				.innerJoin('organisations', 'organisations.id', 'users.organisation_id')
				.select((q) => q.fn.count<number>('organisations.id').distinct().as('n'))
				.where('users.status', '=', 'active')
				.where('organisations.type_id', '=', 'gemeente')
				.as('municipalities')
		])
		.executeTakeFirstOrThrow();
	return {
		members: Number(row.members),
		organisations: Number(row.organisations),
		provinces: Number(row.provinces),
		municipalities: Number(row.municipalities)
	};
}

/**
 * The reach as the home page shows it: the figures change slowly and cost four scans of the
 * members, so each process asks at most once a minute (platform/memo.ts).
 */
export const homeReach = memo(60_000, (db) => networkReach(db));
