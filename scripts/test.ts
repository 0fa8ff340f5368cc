import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// `npm test`: unit, integration and end-to-end tests, in that order. Each suite runs in its own
// Vitest process with the default reporter on the terminal and a JSON report that we sum up.
// The last line printed is always `N passed, N failed`; the exit code is 0 only if nothing failed.

interface JsonReport {
	numPassedTests: number;
	numFailedTests: number;
	testResults: {
		name: string;
		status: string;
		message?: string;
		assertionResults: { fullName: string; status: string; failureMessages?: string[] }[];
	}[];
}

const ci = process.env.CI === 'true';
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kennisnetwerk-test-'));
const env = { ...process.env, CHROMIUM_PATH: chromium };

let passed = 0;
let failed = 0;
const notes: string[] = [];
// What failed, by name and the first line of its error, so that a red run says which test it was
// even when only the end of the output is kept.
const failures: string[] = [];

function firstLine(text: string | undefined): string {
	return (text ?? '').split('\n').find((line) => line.trim() !== '') ?? '';
}

function run(command: string, args: string[]): number {
	const result = spawnSync(command, args, { stdio: 'inherit', env });
	return result.status ?? 1;
}

function readReport(file: string): JsonReport | undefined {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8')) as JsonReport;
	} catch {
		return undefined;
	}
}

function vitest(project: string): void {
	const file = path.join(reportDir, `${project}.json`);
	const status = run('npx', [
		'vitest',
		'run',
		'--project',
		project,
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${file}`
	]);
	const report = readReport(file);
	const suitePassed = report?.numPassedTests ?? 0;
	let suiteFailed = report?.numFailedTests ?? 0;
	// A test file that failed without a failing test (import error, failing hook) counts as one.
	for (const result of report?.testResults ?? []) {
		const file = path.relative(process.cwd(), result.name);
		if (result.status === 'failed' && result.assertionResults.length === 0) {
			suiteFailed++;
			failures.push(`${project}: ${file}: ${firstLine(result.message)}`);
		}
		for (const test of result.assertionResults) {
			if (test.status !== 'failed') continue;
			failures.push(
				`${project}: ${file} > ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`
			);
		}
	}
	if (status !== 0 && suiteFailed === 0) suiteFailed = 1;
	const why = status === 0 ? '' : ` (vitest exited with ${status}${report ? '' : ', no report'})`;
	notes.push(`${project}: ${suitePassed} passed, ${suiteFailed} failed${why}`);
	passed += suitePassed;
	failed += suiteFailed;
}

function skip(what: string, why: string): void {
	if (ci) {
		notes.push(`failed: ${what} must run when CI=true, but ${why}`);
		failed++;
	} else {
		notes.push(`skipped: ${what} (${why})`);
	}
}

vitest('unit');

vitest('integration');
if (!process.env.DATABASE_URL_TEST) {
	skip('PostgreSQL integration suite', 'DATABASE_URL_TEST is not set');
}

if (!fs.existsSync(chromium)) {
	skip('end-to-end suite', `no Chromium at ${chromium}`);
} else if (run('npm', ['run', 'build']) !== 0) {
	notes.push('e2e: failed: `npm run build` failed, so the end-to-end suite did not run');
	failed++;
} else {
	vitest('e2e');
}

fs.rmSync(reportDir, { recursive: true, force: true });
const failedList = failures.length ? ['', 'failed tests:', ...failures.map((f) => `  ${f}`)] : [];
console.log(['', ...failedList, '', ...notes, `${passed} passed, ${failed} failed`].join('\n'));
process.exitCode = failed === 0 ? 0 : 1;
