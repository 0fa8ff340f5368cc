import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, stopProcess, waitForHealthy } from './process';

// `npm start` on an empty PostgreSQL database, with two app processes sharing it.
const adminUrl = process.env.DATABASE_URL_TEST;

async function admin(sql: string) {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		return await client.query(sql);
	} finally {
		await client.end();
	}
}

describe.runIf(adminUrl)('on PostgreSQL with WORKERS=2', () => {
	const database = `kn_e2e_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
	let url = '';

	beforeAll(async () => {
		await admin(`create database ${database}`);
		const u = new URL(adminUrl!);
		u.pathname = `/${database}`;
		url = u.toString();
	});
	afterAll(async () => {
		await admin(`drop database if exists ${database} with (force)`);
	});

	async function start(port: number) {
		const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
			env: {
				...process.env,
				PORT: String(port),
				DATABASE_URL: url,
				WORKERS: '2',
				LOG_LEVEL: 'warn'
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		const baseURL = `http://localhost:${port}`;
		const output = await waitForHealthy(baseURL, child);
		return { child, baseURL, output };
	}

	it('migrates, seeds, serves from two processes and stops cleanly; a restart keeps the data', async () => {
		const port = await freePort();
		const first = await start(port);
		expect(first.output()).toContain('Database: postgres at postgres://');
		expect(first.output()).toContain(
			'Sign in as the demo admin: demo-admin@example.org with password'
		);

		// Two worker processes under the primary, both answering on the one port.
		const workers = execFileSync('pgrep', ['-P', String(first.child.pid)], { encoding: 'utf8' })
			.trim()
			.split('\n');
		expect(workers).toHaveLength(2);
		for (let i = 0; i < 20; i++) {
			const home = await fetch(`${first.baseURL}/`, { headers: { connection: 'close' } });
			expect(home.status).toBe(200);
			expect(await home.text()).toContain('EZ-medewerkers van provincies');
		}
		// One scrape covers both workers: the primary aggregates them.
		const metrics = await (await fetch(`${first.baseURL}/metrics`)).text();
		const served = metrics.match(
			/http_request_duration_seconds_count\{[^}]*route="\/"[^}]*\} (\d+)/
		);
		expect(Number(served?.[1])).toBeGreaterThanOrEqual(20);
		expect(await stopProcess(first.child)).toBe(0);

		const second = await start(port);
		expect(second.output()).toContain('Demo: already present');
		const home = await fetch(`${second.baseURL}/`);
		expect(await home.text()).toMatch(/<strong>43<\/strong>\s*leden/);
		expect(await stopProcess(second.child)).toBe(0);
	});
});
