import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db/index';
import { prepareDatabase } from '../src/lib/server/db/setup';
import { parseConfig } from '../src/lib/server/platform/config';
import pg from 'pg';
import { type Dataset, generateDataset } from './dataset';
import { type EventsDataset, generateEvents, prepareRush, rush, type RushResult } from './events';
import { generateLibrary, type LibraryDataset, type SearchTiming, timeSearches } from './library';

// `npm run bench [-- --no-build --duration 10 --connections 10 --members 20000 --replies 200000
// --items 100000 --events 5000 --registrations 200000 --postgres URL --only TEXT --workers 1]`:
// builds the app, seeds a fresh data directory with the demo and a generated data set
// (bench/dataset.ts, library.ts, events.ts), builds the search index and times the search in the
// process (also on PostgreSQL with --postgres), starts the production server on it exactly as a
// user would, signs in as a demo member, starts a bare node:http server as the ceiling, measures
// every page scenario with autocannon and writes bench/results/*.json.
// `--only TEXT` (repeatable) measures only the scenarios whose name contains TEXT
// (case-insensitive), and always the ceiling. `--workers N` serves with N processes
// (node:cluster, as `npm start` does with WORKERS); 1 by default.
// Benchmarks report; they never assert a time. The exit code is non-zero only when a server did
// not start, a scenario saw errors or non-2xx responses, or a registration rush got another
// answer than a place or the waiting list (or did not fill exactly the places).

/** Where a scenario sends its requests: the app, or the bare server that marks the ceiling. */
type Target = 'app' | 'ceiling';

interface Scenario {
	name: string;
	target: Target;
	path: string;
	headers?: Record<string, string>;
}

/** Every load scenario, in the order they run. Add new ones here. */
function scenarios(
	dataset: Dataset,
	library: LibraryDataset,
	events: EventsDataset,
	member: Record<string, string>
): Scenario[] {
	const searchFor = (q: string) => `/zoeken?q=${encodeURIComponent(q)}`;
	return [
		{ name: 'ceiling: bare node:http 20 KB', target: 'ceiling', path: '/' },
		{ name: 'home page', target: 'app', path: '/' },
		{ name: 'healthz', target: 'app', path: '/healthz' },
		{
			name: 'directory: text + 2 filters, member',
			target: 'app',
			path: `/leden?q=${dataset.directoryQuery}&provincie=NL-GE&thema=digitalisering`,
			headers: member
		},
		{
			name: 'profile, member',
			target: 'app',
			path: `/leden/${dataset.profileId}`,
			headers: member
		},
		{
			name: 'network page, member',
			target: 'app',
			path: `/netwerken/${dataset.networkSlug}`,
			headers: member
		},
		{
			name: 'thread with 200 replies, member',
			target: 'app',
			path: `/netwerken/${dataset.networkSlug}/discussies/${dataset.threadId}`,
			headers: member
		},
		{
			name: 'knowledge library: 2 facets, member',
			target: 'app',
			path: `/kennis?thema=${library.theme}&provincie=${library.province}`,
			headers: member
		},
		{
			name: 'knowledge item, member',
			target: 'app',
			path: `/kennis/${library.itemSlug}`,
			headers: member
		},
		{
			name: 'calendar: 2 filters, member',
			target: 'app',
			path: events.calendarPath,
			headers: member
		},
		{
			// What a partner's iframe asks for: no session, the largest list.
			name: 'embed: 20 upcoming public events (HTML)',
			target: 'app',
			path: '/embed/evenementen?aantal=20'
		},
		{
			name: 'embed: theme + province (JSON)',
			target: 'app',
			path: '/embed/evenementen.json?thema=digitalisering&provincie=NL-UT'
		},
		{
			name: 'event page, registrant',
			target: 'app',
			path: `/evenementen/${events.registrantEventSlug}`,
			headers: member
		},
		{
			// Two words (one with its synonym) that a third of all replies contain: the worst case.
			name: 'search API: two common words, member',
			target: 'app',
			path: '/api/v1/search?q=mkb%20verduurzaming',
			headers: member
		},
		{
			name: 'search: rare word, member',
			target: 'app',
			path: searchFor(library.queries.rare),
			headers: member
		},
		{
			name: 'search: common word, member',
			target: 'app',
			path: searchFor(library.queries.common),
			headers: member
		},
		{
			name: 'search: two words, member',
			target: 'app',
			path: searchFor(library.queries.twoWords),
			headers: member
		}
	];
}

const DEMO_PASSWORD = 'bench-demo-wachtwoord-2026';
const BENCH_MEMBER = 'demo-member1@example.org';

const WARM_UP_SECONDS = 15;
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;
const OUTPUT_LIMIT = 64 * 1024;

interface Options {
	build: boolean;
	durationSeconds: number;
	connections: number;
	members: number;
	organisations: number;
	replies: number;
	items: number;
	events: number;
	registrations: number;
	/** A PostgreSQL database to time the search on as well (in a schema of its own). */
	postgres: string | undefined;
	/** App processes (node:cluster workers); 1 by default. */
	workers: number;
	/** Only the scenarios whose name contains one of these (case-insensitive); the ceiling always. */
	only: string[];
}

interface ServerProcess {
	name: string;
	child: ChildProcess;
	baseUrl: string;
	exited: Promise<void>;
	exitCode: () => number | null | undefined;
	output: () => string;
}

interface ScenarioResult {
	name: string;
	target: Target;
	path: string;
	requestsPerSecond: number;
	latencyP50Ms: number;
	/** autocannon reports p90 and p97.5, not p95: the two around it. */
	latencyP90Ms: number;
	latencyP97_5Ms: number;
	latencyP99Ms: number;
	requests: number;
	errors: number;
	non2xx: number;
	timeouts: number;
	rssMb: number | null;
	ceilingPercent: number | null;
}

// ---------------------------------------------------------------------------------------------
// options and environment

function parseOptions(): Options {
	const { values } = parseArgs({
		options: {
			'no-build': { type: 'boolean', default: false },
			duration: { type: 'string', default: '10' },
			connections: { type: 'string', default: '10' },
			members: { type: 'string', default: '20000' },
			organisations: { type: 'string', default: '600' },
			replies: { type: 'string', default: '200000' },
			items: { type: 'string', default: '100000' },
			events: { type: 'string', default: '5000' },
			registrations: { type: 'string', default: '200000' },
			postgres: { type: 'string', default: process.env.DATABASE_URL_BENCH ?? '' },
			only: { type: 'string', multiple: true, default: [] },
			workers: { type: 'string', default: '1' }
		}
	});
	return {
		build: !values['no-build'],
		durationSeconds: positiveInteger('--duration', values.duration),
		connections: positiveInteger('--connections', values.connections),
		members: positiveInteger('--members', values.members),
		organisations: positiveInteger('--organisations', values.organisations),
		replies: positiveInteger('--replies', values.replies),
		items: positiveInteger('--items', values.items),
		events: positiveInteger('--events', values.events),
		registrations: positiveInteger('--registrations', values.registrations),
		postgres: values.postgres || undefined,
		only: values.only.filter((o) => o.trim() !== ''),
		workers: positiveInteger('--workers', values.workers)
	};
}

function positiveInteger(flag: string, value: string): number {
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1) {
		console.error(`${flag} must be a whole number of at least 1, got "${value}"`);
		process.exit(2);
	}
	return n;
}

function build(): boolean {
	const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	return result.status === 0;
}

function gitCommit(): string | null {
	const result = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
	return result.status === 0 ? result.stdout.trim() : null;
}

function machine() {
	const cpus = os.cpus();
	return {
		node: process.version,
		platform: `${os.platform()} ${os.release()} ${os.arch()}`,
		cpuCount: cpus.length,
		cpuModel: cpus[0]?.model.trim() ?? 'unknown',
		totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024)
	};
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.on('error', reject);
		probe.listen(0, () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolve(port));
		});
	});
}

async function freePorts(count: number): Promise<number[]> {
	const ports = new Set<number>();
	while (ports.size < count) ports.add(await freePort());
	return [...ports];
}

// ---------------------------------------------------------------------------------------------
// server processes

/** Spawns `node --import tsx <script>`, so the child's PID is the server itself (for RSS). */
function startProcess(name: string, script: string, port: number, env: NodeJS.ProcessEnv) {
	const child = spawn(process.execPath, ['--import', 'tsx', script], {
		env: { ...process.env, ...env, PORT: String(port) },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const collect = (chunk: Buffer) => {
		output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	let code: number | null | undefined;
	const exited = new Promise<void>((resolve) => {
		child.once('exit', (exitCode, signal) => {
			code = exitCode ?? (signal ? null : 0);
			resolve();
		});
		child.once('error', (error) => {
			collect(Buffer.from(`spawn failed: ${error.message}\n`));
			code = null;
			resolve();
		});
	});
	const server: ServerProcess = {
		name,
		child,
		baseUrl: `http://127.0.0.1:${port}`,
		exited,
		exitCode: () => code,
		output: () => output
	};
	return server;
}

function startApp(port: number, dataDir: string, workers: number): ServerProcess {
	return startProcess('app', 'scripts/start.ts', port, {
		DATA_DIR: dataDir,
		DEMO_PASSWORD,
		LOG_LEVEL: 'warn',
		// One process by default (the spawned PID is then the HTTP server); with more, RSS adds up
		// the primary and its workers.
		WORKERS: String(workers)
	});
}

function startCeiling(port: number): ServerProcess {
	return startProcess('ceiling', 'bench/ceiling-server.ts', port, {});
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `path` answers 200; false when the process exits or the time runs out. */
async function waitUntilReady(server: ServerProcess, urlPath: string): Promise<boolean> {
	const deadline = Date.now() + READY_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (server.exitCode() !== undefined) return false;
		try {
			const response = await fetch(server.baseUrl + urlPath, {
				signal: AbortSignal.timeout(2_000)
			});
			await response.arrayBuffer();
			if (response.status === 200) return true;
		} catch {
			// not listening yet
		}
		await sleep(250);
	}
	return false;
}

function reportStartFailure(server: ServerProcess) {
	const code = server.exitCode();
	const why =
		code === undefined
			? `did not answer 200 within ${READY_TIMEOUT_MS / 1000} s`
			: `exited (code ${code ?? 'signal'})`;
	console.error(`\nThe ${server.name} server ${why}. Its output:\n`);
	console.error(server.output() || '(no output)');
}

/** SIGTERM, then SIGKILL when it has not stopped after 10 s. */
async function stopProcess(server: ServerProcess): Promise<void> {
	if (server.exitCode() !== undefined) return;
	server.child.kill('SIGTERM');
	const stopped = await Promise.race([
		server.exited.then(() => true),
		sleep(STOP_TIMEOUT_MS).then(() => false)
	]);
	if (!stopped) {
		console.error(`The ${server.name} server did not stop within 10 s: killing it`);
		server.child.kill('SIGKILL');
		await server.exited;
	}
}

/** RSS of a process and its child processes (the workers of a cluster). */
function rssMb(pid: number | undefined): number | null {
	if (pid === undefined) return null;
	const own = ownRssMb(pid);
	if (own === null) return null;
	let children: number[] = [];
	try {
		children = fs
			.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
			.split(/\s+/)
			.filter(Boolean)
			.map(Number);
	} catch {
		// no children known
	}
	return children.reduce((sum, child) => sum + (ownRssMb(child) ?? 0), own);
}

function ownRssMb(pid: number): number | null {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
		return match ? Number(match[1]) / 1024 : null;
	} catch {
		return null;
	}
}

// ---------------------------------------------------------------------------------------------
// measuring

function load(url: string, scenario: Scenario, options: Options, seconds: number) {
	return autocannon({
		url,
		connections: options.connections,
		duration: seconds,
		headers: scenario.headers
	});
}

async function measure(
	scenario: Scenario,
	server: ServerProcess,
	options: Options
): Promise<ScenarioResult> {
	const url = server.baseUrl + scenario.path;
	await load(url, scenario, options, WARM_UP_SECONDS);
	const result = await load(url, scenario, options, options.durationSeconds);
	return {
		name: scenario.name,
		target: scenario.target,
		path: scenario.path,
		requestsPerSecond: result.requests.mean,
		latencyP50Ms: result.latency.p50,
		latencyP90Ms: result.latency.p90,
		latencyP97_5Ms: result.latency.p97_5,
		latencyP99Ms: result.latency.p99,
		requests: result.requests.total,
		errors: result.errors,
		non2xx: result.non2xx,
		timeouts: result.timeouts,
		rssMb: rssMb(server.child.pid),
		ceilingPercent: null
	};
}

function withCeilingRatio(results: ScenarioResult[]): ScenarioResult[] {
	const ceiling = results.find((r) => r.target === 'ceiling');
	if (!ceiling || ceiling.requestsPerSecond === 0) return results;
	return results.map((r) => ({
		...r,
		ceilingPercent: (r.requestsPerSecond / ceiling.requestsPerSecond) * 100
	}));
}

const failures = (r: ScenarioResult) => r.errors + r.non2xx;

// ---------------------------------------------------------------------------------------------
// reporting

/** autocannon records latency in whole milliseconds (truncated), so 0 means under 1 ms. */
const formatLatency = (ms: number) => (ms === 0 ? '<1' : ms.toFixed(0));

function printTable(results: ScenarioResult[]) {
	const header = [
		'scenario',
		'req/s',
		'p50 ms',
		'p90 ms',
		'p97.5 ms',
		'p99 ms',
		'errors',
		'RSS MB',
		'of ceiling'
	];
	const rows = results.map((r) => [
		`${r.name} (${r.path})`,
		r.requestsPerSecond.toFixed(0),
		formatLatency(r.latencyP50Ms),
		formatLatency(r.latencyP90Ms),
		formatLatency(r.latencyP97_5Ms),
		formatLatency(r.latencyP99Ms),
		String(failures(r)),
		r.rssMb === null ? '-' : r.rssMb.toFixed(0),
		r.ceilingPercent === null ? '-' : `${r.ceilingPercent.toFixed(1)}%`
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
	const line = (cells: string[]) =>
		cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
	console.log(line(header));
	console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const row of rows) console.log(line(row));
}

function writeResults(data: object, date: Date): string {
	const dir = path.resolve('bench/results');
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `${date.toISOString().replace(/:/g, '-')}.json`);
	fs.writeFileSync(file, JSON.stringify(data, null, '\t') + '\n');
	return path.relative(process.cwd(), file);
}

// ---------------------------------------------------------------------------------------------
// data and session

interface Rush {
	slug: string;
	tokens: string[];
	places: number;
	concurrency: number;
}

interface Seeded {
	dataset: Dataset;
	library: LibraryDataset;
	events: EventsDataset;
	searchTimings: SearchTiming[];
	/** 200 people at once for 20 places; then many, 50 at a time, for a full event. */
	rushes: { simultaneous: Rush; throughput: Rush };
}

/**
 * Migrates and seeds a database as the app would, adds the generated data set and the library
 * with its search index, and times the search in the process (no HTTP) as a demo member.
 */
async function seedAndTime(
	handle: ReturnType<typeof openDatabase>,
	options: Options,
	dataDir: string
) {
	const parsed = parseConfig({ DATA_DIR: dataDir, DEMO_PASSWORD, LOG_LEVEL: 'warn' });
	if (!parsed.ok) throw new Error(parsed.message);
	const setup = await prepareDatabase(handle.db, parsed.config);
	if (!setup.ok) throw new Error(setup.message);
	const dataset = await generateDataset(handle.db, {
		members: options.members,
		organisations: options.organisations,
		replies: options.replies,
		threadReplies: 200
	});
	const authors = await handle.db
		.selectFrom('users')
		.select('id')
		.where('status', '=', 'active')
		.limit(2000)
		.execute();
	const library = await generateLibrary(handle.db, { items: options.items, authors });
	const member = await handle.db
		.selectFrom('users')
		.select('id')
		.where('email', '=', BENCH_MEMBER)
		.executeTakeFirstOrThrow();
	const members = await handle.db
		.selectFrom('users')
		.select('id')
		.where('status', '=', 'active')
		.where('email', 'like', 'bench-lid-%')
		.execute();
	const events = await generateEvents(handle.db, {
		events: options.events,
		registrations: options.registrations,
		members,
		benchMember: member.id
	});
	const searchTimings = await timeSearches(
		handle.db,
		{ kind: 'member', userId: member.id, role: 'member' },
		library.queries
	);
	const simultaneous = await prepareRush(handle.db, { places: 20, members: members.slice(0, 200) });
	const throughput = await prepareRush(handle.db, {
		places: 20,
		members: members.slice(200, 2200)
	});
	return {
		dataset,
		library,
		events,
		searchTimings,
		rushes: {
			simultaneous: { ...simultaneous, places: 20, concurrency: 200 },
			throughput: { ...throughput, places: 20, concurrency: 50 }
		}
	};
}

/** The data directory the app will run on (SQLite). */
async function seed(dataDir: string, options: Options): Promise<Seeded> {
	const handle = openDatabase({ dataDir, databaseUrl: undefined });
	try {
		return await seedAndTime(handle, options, dataDir);
	} finally {
		await handle.close();
	}
}

/** The same data on PostgreSQL, in a schema of its own that is dropped afterwards: search timings only. */
async function timeOnPostgres(url: string, options: Options): Promise<Seeded> {
	const schema = `bench_${Date.now().toString(36)}`;
	const admin = async (text: string) => {
		const client = new pg.Client({ connectionString: url });
		await client.connect();
		try {
			await client.query(text);
		} finally {
			await client.end();
		}
	};
	await admin(`create schema ${schema}`);
	const handle = openDatabase({ databaseUrl: url, dataDir: '', schema });
	try {
		return await seedAndTime(
			handle,
			options,
			fs.mkdtempSync(path.join(os.tmpdir(), 'kn-bench-pg-'))
		);
	} finally {
		await handle.close();
		await admin(`drop schema if exists ${schema} cascade`);
	}
}

function printRushes(rushes: Record<string, RushResult>) {
	console.log('\nRegistrations over HTTP for one event (SQLite, one process):');
	for (const [name, r] of Object.entries(rushes)) {
		console.log(
			`  ${name.padEnd(12)} ${r.people} people for ${r.places} places: ${r.seconds.toFixed(2)} s, ${r.perSecond.toFixed(0)} registrations/s, ${r.registered} registered, ${r.waitlisted} waiting, ${r.other} other answers`
		);
	}
}

function printSearchTimings(dialect: string, seeded: Seeded) {
	console.log(
		`\nSearch in the process (${dialect}; ${seeded.library.documents} documents indexed in ${seeded.library.indexSeconds.toFixed(0)} s):`
	);
	for (const t of seeded.searchTimings) {
		console.log(
			`  ${t.label.padEnd(9)} "${t.query}": ${t.results} results, p50 ${t.p50Ms.toFixed(1)} ms, p95 ${t.p95Ms.toFixed(1)} ms`
		);
	}
}

/** Signs in as a demo member through the sign-in form, as a browser would; that session's cookie. */
async function signIn(server: ServerProcess): Promise<Record<string, string>> {
	const response = await fetch(`${server.baseUrl}/inloggen`, {
		method: 'POST',
		// The app's origin (ORIGIN unset: http://localhost:PORT), which the CSRF check expects.
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			// A browser's form post: with */* SvelteKit would answer as to its own script (JSON).
			accept: 'text/html',
			origin: `http://localhost:${new URL(server.baseUrl).port}`
		},
		body: new URLSearchParams({ email: BENCH_MEMBER, password: DEMO_PASSWORD }).toString(),
		redirect: 'manual'
	});
	await response.arrayBuffer();
	const cookies = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.filter((c) => !c.endsWith('='));
	if (response.status !== 303 || !cookies.some((c) => c.includes('session_token='))) {
		throw new Error(`Signing in as ${BENCH_MEMBER} failed: HTTP ${response.status}`);
	}
	return { cookie: cookies.join('; ') };
}

// ---------------------------------------------------------------------------------------------
// main

async function runScenarios(
	servers: Record<Target, ServerProcess>,
	list: Scenario[],
	options: Options
) {
	const results: ScenarioResult[] = [];
	for (const scenario of list) {
		process.stdout.write(`  ${scenario.name} (${scenario.target} ${scenario.path}) … `);
		const result = await measure(scenario, servers[scenario.target], options);
		console.log(`${result.requestsPerSecond.toFixed(0)} req/s`);
		results.push(result);
		// Requests autocannon gave up on are still being answered: let them drain, so a slow
		// scenario does not count against the next one.
		await settle(servers[scenario.target]);
	}
	return withCeilingRatio(results);
}

/** Waits (up to two minutes) until the server answers /healthz within 100 ms again. */
async function settle(server: ServerProcess): Promise<void> {
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		const started = performance.now();
		try {
			const response = await fetch(`${server.baseUrl}/healthz`, {
				signal: AbortSignal.timeout(5_000)
			});
			await response.arrayBuffer();
			if (performance.now() - started < 100) return;
		} catch {
			// still busy
		}
		await sleep(500);
	}
}

/**
 * The scenarios `--only` asks for (the name contains the text, case-insensitive; the option may
 * be repeated), and always the ceiling. Without `--only`, all of them.
 */
function selectScenarios(list: Scenario[], only: string[]): Scenario[] {
	if (only.length === 0) return list;
	const wanted = only.map((o) => o.toLowerCase());
	return list.filter(
		(s) => s.target === 'ceiling' || wanted.some((w) => s.name.toLowerCase().includes(w))
	);
}

async function main(): Promise<number> {
	const options = parseOptions();
	const date = new Date();
	if (options.build && !build()) {
		console.error('Build failed: see the output above.');
		return 1;
	}

	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kennisnetwerk-bench-'));
	const started: ServerProcess[] = [];
	const cleanUp = async () => {
		await Promise.all(started.map(stopProcess));
		fs.rmSync(dataDir, { recursive: true, force: true });
	};
	process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));

	try {
		console.log(
			`Seeding ${dataDir}: the demo, ${options.members} members in ${options.organisations} organisations, ${options.replies} replies and ${options.items} knowledge items…`
		);
		const seededAt = Date.now();
		const seeded = await seed(dataDir, options);
		const { dataset, library, events } = seeded;
		console.log(`Seeded in ${((Date.now() - seededAt) / 1000).toFixed(0)} s`);
		printSearchTimings('SQLite', seeded);
		let onPostgres: Seeded | null = null;
		if (options.postgres) {
			console.log('Seeding the same data on PostgreSQL to time the search there…');
			onPostgres = await timeOnPostgres(options.postgres, options);
			printSearchTimings('PostgreSQL', onPostgres);
		}
		const [appPort, ceilingPort] = await freePorts(2);
		const app = startApp(appPort!, dataDir, options.workers);
		const ceiling = startCeiling(ceilingPort!);
		started.push(app, ceiling);
		console.log(`Starting the app (data in ${dataDir}) and the ceiling server…`);
		for (const [server, urlPath] of [
			[app, '/healthz'],
			[ceiling, '/']
		] as const) {
			if (!(await waitUntilReady(server, urlPath))) {
				reportStartFailure(server);
				return 1;
			}
		}

		const list = selectScenarios(
			scenarios(dataset, library, events, await signIn(app)),
			options.only
		);
		const info = machine();
		console.log(
			`Measuring ${list.length} scenarios: ${WARM_UP_SECONDS} s warm-up + ${options.durationSeconds} s, ${options.connections} connections`
		);
		const results = await runScenarios({ app, ceiling }, list, options);

		console.log(`\nnode ${info.node}, ${info.cpuCount} CPUs, ${info.cpuModel}\n`);
		const rushes: Record<string, RushResult> = {};
		for (const [name, r] of Object.entries(seeded.rushes)) {
			rushes[name] = await rush(app.baseUrl, r.slug, r.tokens, r.places, r.concurrency);
		}
		printTable(results);
		printSearchTimings('SQLite', seeded);
		printRushes(rushes);
		if (onPostgres) printSearchTimings('PostgreSQL', onPostgres);
		const file = writeResults(
			{
				date: date.toISOString(),
				commit: gitCommit(),
				machine: info,
				options,
				results,
				search: {
					sqlite: seeded.searchTimings,
					postgres: onPostgres?.searchTimings ?? null
				},
				registrations: rushes
			},
			date
		);
		console.log(`\nWritten to ${file}`);

		const failed = results.filter((r) => failures(r) > 0).map((r) => r.name);
		// A rush must give every place and put everyone else on the waiting list: any other answer
		// (an error, a wrong address) means its figures measure nothing.
		for (const [name, r] of Object.entries(rushes)) {
			if (r.other > 0 || r.registered !== r.places) failed.push(`registrations ${name}`);
		}
		if (failed.length) {
			console.error(`\nErrors or non-2xx responses in: ${failed.join(', ')}`);
			const output = app.output().trim();
			if (output) console.error(`App output (last ${OUTPUT_LIMIT / 1024} KB):\n${output}`);
			return 1;
		}
		return 0;
	} finally {
		await cleanUp();
	}
}

process.exit(await main());
