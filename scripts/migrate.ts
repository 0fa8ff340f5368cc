import { openDatabase } from '../src/lib/server/db/index';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { seedReference } from '../src/lib/server/db/seed/reference';
import { parseConfig } from '../src/lib/server/platform/config';

// `npm run migrate`: bring the schema up to date and refresh the reference data.
const parsed = parseConfig(process.env);
if (!parsed.ok) {
	console.error(parsed.message);
	process.exit(1);
}
const handle = openDatabase({
	databaseUrl: parsed.config.databaseUrl,
	dataDir: parsed.config.dataDir
});
try {
	const applied = await migrateToLatest(handle.db);
	await seedReference(handle.db);
	console.log(
		applied.length
			? `Applied ${applied.length} migration(s) on ${handle.location}: ${applied.join(', ')}`
			: `Schema of ${handle.location} is up to date`
	);
} catch (error) {
	console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
} finally {
	await handle.close();
}
