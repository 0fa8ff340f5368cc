import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as dutch from '@zxcvbn-ts/language-nl-be';

/**
 * The password policy, after OWASP ASVS (V6.2): at least 12 characters, anything up to 256
 * accepted, no composition rules, and refused when it is common or easy to guess. Pure: no
 * database, no session. The strength meter in PasswordStrength.svelte mirrors these rules so the
 * form and the server agree; keep the two in step.
 */

export const PASSWORD_MIN_LENGTH = 12;
/** ASVS asks for at least 128; we take 256 so that long passphrases always fit. */
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn scores 0..4; 3 means roughly 10^8 guesses or more, safe behind a slow hash. */
export const PASSWORD_MIN_SCORE = 3;

export type PasswordRefusal = 'too_short' | 'too_long' | 'too_guessable';

/**
 * zxcvbn's warning as a stable key (e.g. 'commonNames', 'userInputs'), not a sentence: pages and
 * the meter turn it into a message in the reader's language with Paraglide (`password_warning_*`).
 */
export type PasswordWarning = string | null;

export type PasswordCheck =
	| { ok: true; score: number }
	| { ok: false; reason: PasswordRefusal; score: number; warning?: PasswordWarning };

/** Words everybody would try first against this site, whatever the caller passes. */
const SITE_WORDS = ['kennisnetwerk'];

/**
 * Inputs shorter than this are not refused outright when they appear in the password (a local
 * part "jo" would reject half the dictionary); zxcvbn still counts them as very guessable.
 */
const MIN_PERSONAL_LENGTH = 4;

/**
 * The same normalisation the checks use. Sign-up, sign-in and password change must hash
 * `normalizePassword(input)` too, or a password typed with a different but equivalent Unicode
 * form (NFC vs NFD, full-width digits) would not verify.
 */
export function normalizePassword(password: string): string {
	return password.normalize('NFKC');
}

/** Characters as people count them: Unicode code points, so an emoji is one. */
export function passwordLength(password: string): number {
	let n = 0;
	for (const _ of password) n++;
	return n;
}

let zxcvbn: ZxcvbnFactory | undefined;

/**
 * Built on first use, once per process: ranking the dictionaries takes ~0.2 s and tens of MB, which
 * pages that never see a password should not pay at start-up.
 */
function estimator(): ZxcvbnFactory {
	zxcvbn ??= new ZxcvbnFactory({
		dictionary: { ...common.dictionary, ...dutch.dictionary },
		graphs: common.adjacencyGraphs,
		// No `translations`: zxcvbn then reports warnings as keys, which Paraglide turns into Dutch
		// or English. The nl-be sentences would only ever be Dutch.
		// Levenshtein matching against these dictionaries costs 150-400 ms per check (measured),
		// too slow for a keystroke meter and a cheap way to load the server; l33t and dictionary
		// matching still catch the common variants.
		useLevenshteinDistance: false,
		// Trying every l33t substitution of a long password is what makes zxcvbn slow (1.3 s for
		// 256 characters at the default of 100; ~0.15 s at 10). Real passwords rarely have more.
		l33tMaxSubstitutions: 10,
		// zxcvbn only looks at the first maxLength UTF-16 units; 256 code points can be 512 units.
		// Past this we refuse before zxcvbn runs, so the whole password is always judged.
		maxLength: PASSWORD_MAX_LENGTH * 2
	});
	return zxcvbn;
}

/**
 * The words the password must not contain and that zxcvbn should treat as known: the inputs as
 * given, e-mail addresses split into local part and domain, and names and local parts also with
 * their separators removed ("Jan de Vries" -> "jandevries", "jan.de-vries" -> "jandevries").
 */
function personalWords(userInputs: string[]): string[] {
	const words = new Set<string>();
	const add = (w: string) => {
		const s = normalizePassword(w).trim().toLowerCase();
		if (s) words.add(s);
	};
	for (const input of [...userInputs, ...SITE_WORDS]) {
		const at = input.lastIndexOf('@');
		const parts = at > 0 ? [input.slice(0, at), input.slice(at + 1)] : [input];
		for (const part of parts) {
			add(part);
			add(part.replace(/[\s._+-]+/g, ''));
			// Single words of a name or local part only inform zxcvbn (see MIN_PERSONAL_LENGTH).
			for (const piece of part.split(/[\s._+-]+/)) add(piece);
		}
	}
	return [...words];
}

/** Whether the password contains a whole name, local part, domain or site word. */
function containsPersonal(password: string, userInputs: string[]): boolean {
	const lower = password.toLowerCase();
	for (const input of [...userInputs, ...SITE_WORDS]) {
		const at = input.lastIndexOf('@');
		const parts = at > 0 ? [input.slice(0, at), input.slice(at + 1)] : [input];
		for (const part of parts) {
			const s = normalizePassword(part).trim().toLowerCase();
			for (const candidate of [s, s.replace(/[\s._+-]+/g, '')]) {
				if (passwordLength(candidate) >= MIN_PERSONAL_LENGTH && lower.includes(candidate)) {
					return true;
				}
			}
		}
	}
	return false;
}

/**
 * Judges a new password. `userInputs` are what an attacker would try for this person: name,
 * e-mail address (or its parts), organisation. The password is judged whole and as typed, after
 * NFKC normalisation; it is never trimmed or truncated.
 */
export function checkPassword(password: string, userInputs: string[]): PasswordCheck {
	const normalized = normalizePassword(password);
	const length = passwordLength(normalized);
	// Refused before zxcvbn runs: its cost grows with the length, and the answer is the same.
	if (length > PASSWORD_MAX_LENGTH) return { ok: false, reason: 'too_long', score: 0 };

	const result = estimator().check(normalized, personalWords(userInputs));
	const score = result.score;
	const warning = result.feedback.warning ?? null;
	if (length < PASSWORD_MIN_LENGTH) return { ok: false, reason: 'too_short', score, warning };
	if (containsPersonal(normalized, userInputs)) {
		// Capped so that a score of 3 or more always means the password is accepted.
		return {
			ok: false,
			reason: 'too_guessable',
			score: Math.min(score, PASSWORD_MIN_SCORE - 1),
			warning: 'userInputs'
		};
	}
	if (score < PASSWORD_MIN_SCORE) return { ok: false, reason: 'too_guessable', score, warning };
	return { ok: true, score };
}
