import { randomUUID } from 'node:crypto';
import { slugify } from '../../platform/slug';
import type { DB } from '../index';
import {
	DEMO_ADMIN_EMAIL,
	DEMO_COORDINATOR_EMAIL,
	DEMO_EDITOR_EMAIL,
	DEMO_MEMBER_COUNT,
	demoMemberEmail
} from './demo';

/** The demo's private network: a room for coordinators that nobody else can see. */
export const DEMO_PRIVATE_NETWORK = {
	name: 'Coördinatorenoverleg',
	summary:
		'Het besloten overleg van de coördinatoren van de netwerken en regionale community’s: planning, gastsprekers en wat er speelt.',
	description:
		'Hier stemmen de coördinatoren af welke bijeenkomsten eraan komen, wie welke gastspreker benadert en welke vragen uit de netwerken om een vervolg vragen. Alleen genodigden zien dit netwerk.'
};

/**
 * The demo's networks come alive: the demo coordinator coordinates the first thematic network
 * and Regio Zwolle, every demo member belongs to one thematic network and to the regional
 * community of their province, one member waits for approval, and a private coordinators' room
 * exists for its members only. Runs once: nothing happens when memberships already exist.
 */
export async function seedDemoNetworks(db: DB): Promise<boolean> {
	const existing = await db.selectFrom('network_members').select('user_id').limit(1).execute();
	if (existing.length > 0) return false;
	const users = new Map(
		(
			await db
				.selectFrom('users')
				.select(['id', 'email', 'province_code'])
				.where('is_demo', '=', true)
				.execute()
		).map((u) => [u.email, u])
	);
	const coordinator = users.get(DEMO_COORDINATOR_EMAIL);
	if (!coordinator) return false;

	const networks = await db
		.selectFrom('networks')
		.select(['id', 'slug', 'kind'])
		.orderBy('position')
		.execute();
	const thematic = networks.filter((n) => n.kind === 'thematic');
	const regionalProvinces = await db
		.selectFrom('network_provinces')
		.innerJoin('networks', 'networks.id', 'network_provinces.network_id')
		.select(['network_provinces.network_id', 'network_provinces.province_code'])
		.where('networks.kind', '=', 'regional')
		.execute();
	const zwolle = networks.find((n) => n.slug === 'regio-zwolle');

	await db.transaction().execute(async (trx) => {
		const add = async (
			networkId: string,
			userId: string,
			role: 'member' | 'coordinator' = 'member',
			status: 'active' | 'requested' = 'active',
			message = ''
		) => {
			await trx
				.insertInto('network_members')
				.values({ network_id: networkId, user_id: userId, role, status, message })
				.onConflict((oc) => oc.columns(['network_id', 'user_id']).doNothing())
				.execute();
		};

		if (thematic[0]) await add(thematic[0].id, coordinator.id, 'coordinator');
		if (zwolle) await add(zwolle.id, coordinator.id, 'coordinator');

		for (let n = 1; n <= DEMO_MEMBER_COUNT; n++) {
			const member = users.get(demoMemberEmail(n));
			if (!member) continue;
			const network = thematic[n % Math.max(1, thematic.length)];
			if (network) await add(network.id, member.id);
			for (const region of regionalProvinces) {
				if (region.province_code === member.province_code && n !== 2) {
					await add(region.network_id, member.id);
				}
			}
		}
		const waiting = users.get(demoMemberEmail(2));
		if (zwolle && waiting) {
			await add(
				zwolle.id,
				waiting.id,
				'member',
				'requested',
				'Ik werk aan de regionale aanpak voor ondernemers en wil graag aansluiten bij de community.'
			);
		}

		const privateId = randomUUID();
		await trx
			.insertInto('networks')
			.values({
				id: privateId,
				slug: slugify(DEMO_PRIVATE_NETWORK.name),
				name: DEMO_PRIVATE_NETWORK.name,
				kind: 'thematic',
				summary: DEMO_PRIVATE_NETWORK.summary,
				description: DEMO_PRIVATE_NETWORK.description,
				audience: 'Coördinatoren van de netwerken en community’s',
				visibility: 'private',
				join_policy: 'invitation',
				position: 100,
				created_by: coordinator.id
			})
			.onConflict((oc) => oc.column('slug').doNothing())
			.execute();
		const room = await trx
			.selectFrom('networks')
			.select('id')
			.where('slug', '=', slugify(DEMO_PRIVATE_NETWORK.name))
			.executeTakeFirstOrThrow();
		await add(room.id, coordinator.id, 'coordinator');
		for (const email of [DEMO_ADMIN_EMAIL, DEMO_EDITOR_EMAIL, demoMemberEmail(1)]) {
			const user = users.get(email);
			if (user) await add(room.id, user.id);
		}
	});
	return true;
}
