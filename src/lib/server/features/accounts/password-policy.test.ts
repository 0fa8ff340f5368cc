import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPassword, normalizePassword, passwordLength } from './password-policy';

const person = ['Jan de Vries', 'j.devries@gemeente-voorbeeld.nl', 'kennisnetwerk'];

/** Letters, digits and punctuation nobody would guess: ~6 bits a character. */
const random = (length: number) => randomBytes(length).toString('base64url').slice(0, length);

describe('checkPassword', () => {
	it('accepts 12 characters and refuses 11', () => {
		expect(checkPassword('Xq7#pLm2!zR9', person)).toMatchObject({ ok: true });
		expect(checkPassword('Xq7#pLm2!zR', person)).toMatchObject({
			ok: false,
			reason: 'too_short'
		});
	});

	it('counts code points, so an emoji is one character', () => {
		expect(passwordLength('😀'.repeat(12))).toBe(12);
		expect(checkPassword('🦊🌷🚲🧀🌊⛵' + 'Kq9!', person)).toMatchObject({
			ok: false,
			reason: 'too_short'
		});
		expect(checkPassword('🦊🌷🚲🧀🌊⛵' + 'Kq9!zR', person)).toMatchObject({ ok: true });
	});

	it('normalises with NFKC before counting and judging', () => {
		// Full-width letters are the same password as their ASCII forms.
		expect(normalizePassword('ｗａｃｈｔｗｏｏｒｄ')).toBe('wachtwoord');
		expect(checkPassword('ｗａｃｈｔｗｏｏｒｄ１２３４５', person)).toMatchObject({
			ok: false,
			reason: 'too_guessable'
		});
	});

	it.each(['wachtwoord12345', 'welkom123456', 'Wachtwoord2024', 'p@ssw0rd12345', 'qwertyuiop123'])(
		'refuses the common password %s',
		(password) => {
			expect(checkPassword(password, person)).toMatchObject({
				ok: false,
				reason: 'too_guessable'
			});
		}
	);

	it.each(['fietsenstalling', 'zonnebloemen', 'gemeenteutrecht', 'Amsterdam2024!'])(
		'refuses the Dutch word or name %s',
		(password) => {
			const result = checkPassword(password, person);
			expect(result).toMatchObject({ ok: false, reason: 'too_guessable' });
			expect(result.score).toBeLessThan(3);
		}
	);

	it('accepts a passphrase of unrelated words and a random password', () => {
		expect(checkPassword('lamp-Octaaf-vijver-97-kraai', person)).toMatchObject({
			ok: true,
			score: 4
		});
		expect(checkPassword(random(16), person)).toMatchObject({ ok: true });
	});

	it('accepts 200 characters and judges all of them', () => {
		expect(checkPassword(random(200), person)).toMatchObject({ ok: true });
		// The first 150 characters are worthless; only what follows makes it strong, so the
		// verdict proves nothing was cut off at 128 (or at zxcvbn's own limit).
		expect(checkPassword('a'.repeat(150), person)).toMatchObject({ ok: false });
		expect(checkPassword('a'.repeat(150) + random(20), person)).toMatchObject({ ok: true });
		// 240 emoji are 480 UTF-16 units: the tail still counts.
		expect(checkPassword('😀'.repeat(240), person)).toMatchObject({ ok: false });
		expect(checkPassword('😀'.repeat(240) + random(16), person)).toMatchObject({ ok: true });
	});

	it('accepts 256 characters and refuses 257 and 300 as too long, never truncating', () => {
		expect(checkPassword(random(256), person)).toMatchObject({ ok: true });
		expect(checkPassword(random(257), person)).toMatchObject({ ok: false, reason: 'too_long' });
		expect(checkPassword(random(300), person)).toMatchObject({ ok: false, reason: 'too_long' });
		expect(checkPassword('🌷'.repeat(257), person)).toMatchObject({
			ok: false,
			reason: 'too_long'
		});
	});

	it('refuses a password containing the e-mail local part, the name or the site', () => {
		for (const password of [
			'Kanaalzijde!j.devries#2031',
			'Kanaalzijde!JDeVries#2031',
			'octaaf-JanDeVries-kraai-97',
			'octaaf-Jan de Vries-kraai',
			'octaaf-kraai-Kennisnetwerk-97'
		]) {
			expect(checkPassword(password, person), password).toMatchObject({
				ok: false,
				reason: 'too_guessable',
				warning: 'userInputs'
			});
		}
		// The same strong tail on its own is fine: it is the personal part that is refused.
		expect(checkPassword('Kanaalzijde!Q7wz#2031', person)).toMatchObject({ ok: true });
	});

	it('accepts a password with a short piece of the name inside a longer word', () => {
		// "jan" is shorter than the 4 characters a personal word needs to be refused outright.
		expect(checkPassword('januskop-Octaaf-vijver-97', person)).toMatchObject({ ok: true });
	});

	it('is deterministic, and ok means 12 to 256 code points and a score of at least 3', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string({ unit: 'binary', maxLength: 40 }),
					fc.string({ unit: 'grapheme-ascii', minLength: 8, maxLength: 300 })
				),
				fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
				(password, inputs) => {
					const first = checkPassword(password, inputs);
					expect(checkPassword(password, inputs)).toEqual(first);
					if (first.ok) {
						const length = passwordLength(normalizePassword(password));
						expect(length).toBeGreaterThanOrEqual(12);
						expect(length).toBeLessThanOrEqual(256);
						expect(first.score).toBeGreaterThanOrEqual(3);
					}
				}
			),
			{ numRuns: 200 }
		);
	});
});
