import cluster from 'node:cluster';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { type DatabaseHandle, openDatabase } from '../src/lib/server/db/index';
import { prepareDatabase } from '../src/lib/server/db/setup';
import { parseConfig } from '../src/lib/server/platform/config';
import { serveClusterMetrics } from '../src/lib/server/platform/metrics';
import { serve } from './server';

// `npm start`: validate the configuration, migrate and seed once, build when there is no build,
// then serve with WORKERS processes.

const parsed = parseConfig(process.env);
if (!parsed.ok) {
	console.error(parsed.message);
	process.exit(1);
}
const config = parsed.config;

async function primary() {
	let handle: DatabaseHandle | undefined;
	try {
		handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
		const setup = await prepareDatabase(handle.db, config);
		if (!setup.ok) {
			console.error(setup.message);
			process.exit(1);
		}
		console.log(`Database: ${handle.dialect} at ${handle.location}`);
		if (setup.applied.length) console.log(`Migrations applied: ${setup.applied.join(', ')}`);
		console.log(
			`Reference data: ${setup.reference.provinces} provinces, ${setup.reference.organisations} organisations, ${setup.reference.themes} themes, ${setup.reference.networks} networks`
		);
		if (setup.demo) {
			const demo = setup.demo;
			console.log(
				`Demo: ${demo.created ? 'seeded' : 'already present'}, ${demo.accounts} accounts (see README)`
			);
			const password = demo.password
				? `password ${demo.password}${demo.generatedPassword ? ' (generated; shown only now, or set DEMO_PASSWORD)' : ''}`
				: 'the password printed at the first start, or DEMO_PASSWORD';
			signInLines.push(
				`Sign in as the demo admin: ${demo.adminEmail} with ${password}`,
				'Other demo accounts: demo-coordinator@example.org, demo-editor@example.org, demo-member1@example.org … demo-member40@example.org (same password)'
			);
		} else if (setup.adminEmail) {
			signInLines.push(`Sign in as the admin: ${setup.adminEmail} (password from ADMIN_PASSWORD)`);
		}
		// Printed now, and again once the app listens (after a first build's output).
		for (const line of signInLines) console.log(line);
	} catch (error) {
		const where = handle?.location ?? (config.databaseUrl ? 'PostgreSQL' : config.dataDir);
		console.error(`Database error (${where}): ${errorMessage(error)}`);
		process.exit(1);
	} finally {
		await handle?.close();
	}

	if (!fs.existsSync('build/handler.js')) {
		console.log('No build found: building the app (npm run build)…');
		const result = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
		if (result.status !== 0) {
			console.error('Build failed: see the output above.');
			process.exit(1);
		}
	}

	if (config.workers > 1) {
		let listening = 0;
		cluster.on('listening', () => {
			if (++listening === config.workers) announce();
		});
		cluster.on('exit', (worker, code, signal) => {
			if (shuttingDown) return;
			console.error(`Worker ${worker.process.pid} stopped (${signal ?? code}); starting a new one`);
			cluster.fork();
		});
		let shuttingDown = false;
		const stopAll = (signal: NodeJS.Signals) => {
			shuttingDown = true;
			for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
		};
		process.once('SIGTERM', () => stopAll('SIGTERM'));
		process.once('SIGINT', () => stopAll('SIGINT'));
		serveClusterMetrics();
		for (let i = 0; i < config.workers; i++) cluster.fork();
	} else {
		await listen();
		announce();
	}
}

async function listen() {
	try {
		await serve(config);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		console.error(
			code === 'EADDRINUSE'
				? `Configuration error: PORT ${config.port} is already in use`
				: `Could not start: ${errorMessage(error)}`
		);
		process.exit(1);
	}
}

/** One line, also for errors that hide their cause (pg throws an AggregateError without a message). */
function errorMessage(error: unknown): string {
	if (error instanceof AggregateError && !error.message && error.errors.length) {
		return errorMessage(error.errors[0]);
	}
	if (error instanceof Error) return (error.message || error.name).split('\n')[0] ?? error.name;
	return String(error);
}

/** What the primary prints about signing in: shown before the build and again at the end. */
const signInLines: string[] = [];

function announce() {
	console.log(
		`Kennisnetwerk is running at ${config.origin} (${config.workers} process${config.workers > 1 ? 'es' : ''}; stop with Ctrl+C)`
	);
	for (const line of signInLines) console.log(line);
}

if (cluster.isPrimary) await primary();
else await listen();
