import { describe, expect, it } from 'vitest';
import { HIDDEN, isSecretColumn, jsonValue, withoutLinks } from './personal-data';

describe('personal data rules', () => {
	it.each([
		['accounts', 'password'],
		['accounts', 'access_token'],
		['accounts', 'refresh_token'],
		['accounts', 'id_token'],
		['sessions', 'token'],
		['two_factors', 'secret'],
		['two_factors', 'backup_codes'],
		['verifications', 'identifier'],
		['verifications', 'value'],
		['api_tokens', 'token_hash'],
		['some_future_table', 'client_secret']
	])('hides %s.%s', (table, column) => {
		expect(isSecretColumn(table, column)).toBe(true);
	});

	it.each([
		['users', 'email'],
		['users', 'name'],
		['accounts', 'access_token_expires_at'],
		['sessions', 'user_agent'],
		['api_tokens', 'prefix'],
		['applications', 'motivation']
	])('shows %s.%s', (table, column) => {
		expect(isSecretColumn(table, column)).toBe(false);
	});

	it('takes the links (and their one-time tokens) out of a stored e-mail', () => {
		expect(
			withoutLinks(
				'Kies een nieuw wachtwoord:\nhttp://localhost/api/auth/reset-password/abc?x=1\nGroet'
			)
		).toBe(`Kies een nieuw wachtwoord:\n${HIDDEN}\nGroet`);
	});

	it('turns database values into JSON values', () => {
		expect(jsonValue(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
		expect(jsonValue(Buffer.from('hoi'))).toBe('aG9p');
		expect(jsonValue(12n)).toBe(12);
		expect(jsonValue(null)).toBeNull();
	});
});
