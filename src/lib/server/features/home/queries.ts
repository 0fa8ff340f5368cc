import type { DB } from '../../db';

/** The figures the home page shows: how far the network reaches. */
export async function networkReach(db: DB) {
	const [members, organisations, provinces, municipalities] = await Promise.all([
		db
			.selectFrom('users')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('status', '=', 'active')
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('users')
			.select((eb) => eb.fn.count<number>('organisation_id').distinct().as('n'))
			.where('status', '=', 'active')
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('users')
			.select((eb) => eb.fn.count<number>('province_code').distinct().as('n'))
			.where('status', '=', 'active')
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('users')
			.innerJoin('organisations', 'organisations.id', 'users.organisation_id')
			.select((eb) => eb.fn.count<number>('organisations.id').distinct().as('n'))
			.where('users.status', '=', 'active')
			.where('organisations.type_id', '=', 'gemeente')
			.executeTakeFirstOrThrow()
	]);
	return {
		members: Number(members.n),
		organisations: Number(organisations.n),
		provinces: Number(provinces.n),
		municipalities: Number(municipalities.n)
	};
}
