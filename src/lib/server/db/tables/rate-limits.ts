/**
 * One counter per (bucket, key, fixed window). Windows are epoch seconds, not timestamps: the
 * counter is computed and compared in the app, and integers read the same on both dialects.
 */
export interface RateLimitTable {
	/** Which limit this counts, e.g. 'sign_in_account'. */
	bucket: string;
	/** A digest of who is counted (account or client address), never the address itself. */
	key: string;
	/** Start of the window, in seconds since the epoch, a multiple of the window length. */
	window_start: number;
	/** When the window is over and the row may be pruned (window_start + window length). */
	expires_at: number;
	count: number;
}
