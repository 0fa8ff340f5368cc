import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm start` with a wrong environment stops with one clear line and exit code 1.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kn-start-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function start(env: Record<string, string>) {
	const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
		env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: '39999', ...env },
		encoding: 'utf8',
		timeout: 60_000
	});
	return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

describe('npm start with a wrong configuration', () => {
	it.each([
		[{ PORT: 'abc' }, 'Configuration error: PORT must be a whole number, got "abc"'],
		[{ PORT: '99999' }, 'Configuration error: PORT must be between 1 and 65535, got 99999'],
		[
			{ DATABASE_URL: 'mysql://localhost/kennisnetwerk' },
			'Configuration error: DATABASE_URL must start with postgres:// or postgresql://, got "mysql://"'
		],
		[
			{ SEED_DEMO: 'false' },
			'Configuration error: SEED_DEMO=false needs ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin'
		]
	])('%o stops with one line', (env, line) => {
		const result = start(env);
		expect(result.status).toBe(1);
		expect(result.stderr).toBe(line);
		expect(result.stdout).toBe('');
	});

	it('names an unreachable PostgreSQL in one line', () => {
		const result = start({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/kennisnetwerk' });
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(
			/^Database error \(postgres:\/\/127\.0\.0\.1:1\/kennisnetwerk\): connect ECONNREFUSED/
		);
		expect(result.stderr.split('\n')).toHaveLength(1);
	});

	it('names an unusable data directory in one line', () => {
		const file = path.join(dataDir, 'een-bestand');
		fs.writeFileSync(file, '');
		const result = start({ DATA_DIR: path.join(file, 'data') });
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/^Database error \(.*een-bestand\/data\): ENOTDIR/);
		expect(result.stderr.split('\n')).toHaveLength(1);
	});
});
