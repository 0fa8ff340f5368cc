import type { DB } from '../../db';
import { logger } from '../../platform/logger';
import { buildDirectoryIndex, type DirectoryIndex } from './directory';
import { directoryFingerprint, loadDirectoryData } from './queries';

/**
 * The directory's index per database handle, in this process. It is a cache, nothing more:
 * every process builds its own from the database, and none needs another's.
 *
 * Freshness: at most every CHECK_MS a request has the database's fingerprint compared (in the
 * background: no request waits for it); a changed fingerprint, or an index older than MAX_AGE_MS,
 * is rebuilt in the background while requests keep using the one they have. After a change
 * made in this process (invalidateDirectory, e.g. a member saving their profile) the next
 * request waits for a new index, so members see their own change at once.
 */

export const CHECK_MS = 2_000;
/**
 * Rebuilt at least this often, also for changes the fingerprint does not see: last activity,
 * which is itself noted at most once an hour (a rebuild at 20,000 members takes about 250 ms of
 * this process's time, so not every minute).
 */
export const MAX_AGE_MS = 10 * 60_000;

interface State {
	index?: DirectoryIndex;
	fingerprint?: string;
	checkedAt: number;
	/** Set by invalidateDirectory: the next request waits for a new index. */
	stale: boolean;
	building?: Promise<DirectoryIndex>;
	/** The new index that requests wait for after a change in this process. */
	awaited?: Promise<DirectoryIndex>;
}

const states = new WeakMap<DB, State>();

function stateOf(db: DB): State {
	let state = states.get(db);
	if (!state) {
		state = { checkedAt: 0, stale: true };
		states.set(db, state);
	}
	return state;
}

/** Builds a new index (one build at a time per database) and remembers it. */
function rebuild(db: DB, state: State): Promise<DirectoryIndex> {
	state.building ??= (async () => {
		try {
			const fingerprint = await directoryFingerprint(db);
			const index = buildDirectoryIndex(await loadDirectoryData(db));
			state.index = index;
			state.fingerprint = fingerprint;
			state.checkedAt = Date.now();
			return index;
		} finally {
			state.building = undefined;
		}
	})();
	return state.building;
}

async function checkInBackground(db: DB, state: State, now: number) {
	try {
		const changed = (await directoryFingerprint(db)) !== state.fingerprint;
		const old = now - (state.index?.builtAt ?? 0) > MAX_AGE_MS;
		if (changed || old) await rebuild(db, state);
	} catch (err) {
		logger.warn({ err }, 'directory index: check failed, keeping the current one');
	}
}

/** The directory's index for this database, as fresh as described above. */
export async function directoryIndex(db: DB, now = Date.now()): Promise<DirectoryIndex> {
	const state = stateOf(db);
	if ((!state.index && !state.awaited) || state.stale) {
		state.stale = false;
		const before = state.building;
		state.awaited = (async () => {
			// A build under way may have read the data before the change: build again after it.
			if (before) await before.catch(() => undefined);
			return rebuild(db, state);
		})().finally(() => (state.awaited = undefined));
	}
	if (state.awaited) return state.awaited;
	if (!state.index) return rebuild(db, state);
	if (now - state.checkedAt >= CHECK_MS) {
		state.checkedAt = now;
		void checkInBackground(db, state, now);
	}
	return state.index;
}

/** Something changed in this process: the next request gets a new index. */
export function invalidateDirectory(db: DB): void {
	stateOf(db).stale = true;
}
