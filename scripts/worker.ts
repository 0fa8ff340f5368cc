import { Migrator } from 'kysely';
import { type DB, openDatabase } from '../src/lib/server/db/index';
import { migrations } from '../src/lib/server/db/migrations/index';
import { parseConfig } from '../src/lib/server/platform/config';
import { startBackgroundWorker } from '../src/lib/server/platform/worker';

// `npm run worker`: run the background jobs (mail delivery, …) in their own process, next to or
// instead of the app's in-process worker, until SIGTERM or SIGINT.

const SCHEMA_WAIT_SECONDS = 120;

const parsed = parseConfig(process.env);
if (!parsed.ok) {
	console.error(parsed.message);
	process.exit(1);
}
const config = parsed.config;

/** Migrations not yet applied. */
async function pendingMigrations(db: DB): Promise<string[]> {
	const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
	return (await migrator.getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
}

/**
 * The app's start (or `npm run migrate`) migrates; the worker waits for it rather than migrating
 * itself, because SQLite has no lock that keeps two processes from migrating at the same time.
 */
async function waitForSchema(db: DB): Promise<boolean> {
	const deadline = Date.now() + SCHEMA_WAIT_SECONDS * 1000;
	let told = false;
	for (;;) {
		const pending = await pendingMigrations(db);
		if (pending.length === 0) return true;
		if (Date.now() > deadline) return false;
		if (!told) {
			console.log(
				`Waiting for migrations (${pending.join(', ')}): start the app or run npm run migrate`
			);
			told = true;
		}
		await new Promise((resolve) => setTimeout(resolve, 2000));
	}
}

const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
	if (!(await waitForSchema(handle.db))) {
		console.error(
			`Database schema is not up to date after ${SCHEMA_WAIT_SECONDS} s: run npm run migrate`
		);
		await handle.close();
		process.exit(1);
	}
} catch (error) {
	console.error(
		`Database error (${handle.location}): ${error instanceof Error ? error.message : String(error)}`
	);
	await handle.close();
	process.exit(1);
}

const worker = startBackgroundWorker(handle.db, config);
console.log(
	`Worker ${worker.workerId} is running on ${handle.dialect} at ${handle.location}; mail ${config.smtpUrl ? 'over SMTP' : 'kept in the outbox'} (stop with Ctrl+C)`
);

let stopping = false;
async function shutdown(signal: NodeJS.Signals) {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: finishing the job in hand…`);
	// A job that hangs past the timeout is not lost: its lease expires and another worker retries it.
	const timeout = setTimeout(() => {
		console.error(`Worker did not stop within ${config.shutdownTimeoutSeconds} s; exiting`);
		process.exit(1);
	}, config.shutdownTimeoutSeconds * 1000);
	timeout.unref();
	await worker.stop();
	await handle.close();
	clearTimeout(timeout);
	console.log('Worker stopped');
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
