import type { Config } from '../platform/config';
import type { DB } from './index';
import { ensureSearchIndex, reindexAll } from '../features/search/mutations';
import { migrateToLatest } from './migrate';
import { ensureFirstAdmin } from './seed/admin';
import { seedAllowlist } from './seed/allowlist';
import { type DemoSummary, seedDemo } from './seed/demo';
import { seedDemoContact } from './seed/demo-contact';
import { seedDemoDiscussions } from './seed/demo-discussions';
import { seedDemoEvents } from './seed/demo-events';
import { seedDemoAttachments } from './seed/demo-attachments';
import { seedDemoKnowledge } from './seed/demo-knowledge';
import { seedDemoNetworks } from './seed/demo-networks';
import { seedDemoProfiles } from './seed/demo-profiles';
import { seedDemoProgrammes } from './seed/demo-programmes';
import { type ReferenceCounts, seedReference } from './seed/reference';
import { uploadsDir } from '../platform/files';

export type SetupResult =
	| {
			ok: true;
			applied: string[];
			reference: ReferenceCounts;
			demo: DemoSummary | null;
			adminEmail: string | null;
	  }
	| { ok: false; message: string };

/** What every start does before serving: migrate, seed the reference facts, then the demo or a first admin. */
export async function prepareDatabase(
	db: DB,
	config: Pick<Config, 'seedDemo' | 'adminEmail' | 'adminPassword' | 'demoPassword'> & {
		/** Where uploads live; without it the demo's files are left out. */
		dataDir?: string;
	}
): Promise<SetupResult> {
	const applied = await migrateToLatest(db);
	const reference = await seedReference(db);
	await seedAllowlist(db);
	if (config.seedDemo) {
		const demo = await seedDemo(db, { password: config.demoPassword });
		// Each capability's demo content is added once, also to a demo seeded before it existed.
		const networks = await seedDemoNetworks(db);
		const discussions = await seedDemoDiscussions(db);
		await seedDemoContact(db);
		const profiles = await seedDemoProfiles(db);
		const events = await seedDemoEvents(db);
		const knowledge = await seedDemoKnowledge(db);
		// After the knowledge: the programmes' session reports are knowledge items, and the
		// knowledge seed runs only into an empty library.
		const programmes = await seedDemoProgrammes(db);
		if (config.dataDir) await seedDemoAttachments(db, uploadsDir(config.dataDir, 'attachments'));
		// The search index covers what the demo just added (the seeds write their tables directly).
		if (networks || discussions || profiles > 0 || events || knowledge || programmes) {
			await reindexAll(db);
		} else await ensureSearchIndex(db);
		return { ok: true, applied, reference, demo, adminEmail: demo.adminEmail };
	}
	await ensureSearchIndex(db);
	const admin = await ensureFirstAdmin(db, config.adminEmail, config.adminPassword);
	if (!admin.ok) return admin;
	return { ok: true, applied, reference, demo: null, adminEmail: admin.email };
}
