import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, stopProcess, waitForHealthy } from './process';

/** The demo accounts' password in the end-to-end tests. */
export const DEMO_PASSWORD = 'e2e-demo-wachtwoord-2026';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
	}
}

/** Starts the production build the way `npm start` does, on a fresh SQLite data directory. */
export default async function setup(project: TestProject) {
	if (!fs.existsSync('build/handler.js')) {
		throw new Error('No production build: run `npm run build` first (npm test does this).');
	}
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kn-e2e-'));
	const port = await freePort();
	const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
		env: {
			...process.env,
			PORT: String(port),
			DATA_DIR: dataDir,
			DATABASE_URL: '',
			LOG_LEVEL: 'warn',
			KN_E2E: '1',
			// Behind "one proxy": each browser context sends its own X-Forwarded-For (browser.ts),
			// so the per-client rate limits count each test's client, not all tests as one.
			TRUST_PROXY: '1',
			DEMO_PASSWORD: DEMO_PASSWORD
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const baseURL = `http://localhost:${port}`;
	await waitForHealthy(baseURL, child);
	project.provide('baseURL', baseURL);

	return async () => {
		await stopProcess(child);
		fs.rmSync(dataDir, { recursive: true, force: true });
	};
}
