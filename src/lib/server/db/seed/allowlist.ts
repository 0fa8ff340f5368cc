import { randomUUID } from 'node:crypto';
import type { DB } from '../index';

/**
 * The first domains on the allowlist: the partner organisations whose staff may join without
 * waiting for an admin. Municipalities and provinces are left to the admins (/beheer/domeinen):
 * guessing their mail domains would let in whoever holds a look-alike.
 */
export const SEED_DOMAINS: readonly { domain: string; note: string }[] = [
	{ domain: 'kvk.nl', note: 'Kamer van Koophandel (KVK)' },
	{ domain: 'rvo.nl', note: 'Rijksdienst voor Ondernemend Nederland (RVO)' },
	{ domain: 'vng.nl', note: 'Vereniging van Nederlandse Gemeenten (VNG)' },
	{ domain: 'ipo.nl', note: 'Interprovinciaal Overleg (IPO)' },
	{ domain: 'platform31.nl', note: 'Platform31' }
];

const SEEDED_KEY = 'allowlist_seeded';

/**
 * Seeds the allowlist once per database. Later starts leave it alone, so a domain an admin
 * removed does not come back; running it twice changes nothing. Returns how many it added.
 */
export async function seedAllowlist(db: DB): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const marker = await trx
			.insertInto('app_settings')
			.values({ key: SEEDED_KEY, value: new Date().toISOString() })
			.onConflict((oc) => oc.column('key').doNothing())
			.executeTakeFirst();
		if (Number(marker.numInsertedOrUpdatedRows ?? 0) === 0) return 0;
		let added = 0;
		for (const { domain, note } of SEED_DOMAINS) {
			const result = await trx
				.insertInto('domain_allowlist')
				.values({ id: randomUUID(), domain, note, created_by: null })
				.onConflict((oc) => oc.column('domain').doNothing())
				.executeTakeFirst();
			added += Number(result.numInsertedOrUpdatedRows ?? 0);
		}
		return added;
	});
}
