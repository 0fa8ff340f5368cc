import type { DB } from '../../db';

/** The partners behind the network, in the order the reference facts list them. */
export async function listPartners(db: DB) {
	return db
		.selectFrom('organisations')
		.select(['slug', 'name', 'website'])
		.where('is_partner', '=', true)
		.orderBy('partner_position')
		.execute();
}
