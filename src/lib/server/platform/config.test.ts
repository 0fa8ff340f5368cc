import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';

const fail = (env: Record<string, string>) => {
	const result = parseConfig(env, '/srv/app');
	if (result.ok) throw new Error('expected a configuration error');
	return result.message;
};

describe('parseConfig', () => {
	it('has working defaults: port 3000, SQLite in ./data, one process, the demo', () => {
		const result = parseConfig({}, '/srv/app');
		expect(result).toEqual({
			ok: true,
			config: expect.objectContaining({
				port: 3000,
				origin: 'http://localhost:3000',
				https: false,
				dataDir: '/srv/app/data',
				dialect: 'sqlite',
				workers: 1,
				seedDemo: true,
				logLevel: 'info'
			})
		});
	});

	it('selects PostgreSQL from DATABASE_URL and HSTS from an https ORIGIN', () => {
		const result = parseConfig(
			{ DATABASE_URL: 'postgres://u@db:5432/kn', ORIGIN: 'https://kennis.example/', WORKERS: '4' },
			'/srv/app'
		);
		expect(result.ok && result.config).toMatchObject({
			dialect: 'postgres',
			origin: 'https://kennis.example',
			https: true,
			workers: 4
		});
	});

	it('names the variable and the reason in one line for each wrong value', () => {
		const cases: [Record<string, string>, RegExp][] = [
			[{ PORT: 'abc' }, /^Configuration error: PORT must be a whole number, got "abc"$/],
			[{ PORT: '70000' }, /^Configuration error: PORT must be between 1 and 65535, got 70000$/],
			[
				{ DATABASE_URL: 'mysql://localhost/kn' },
				/^Configuration error: DATABASE_URL must start with postgres:\/\/ or postgresql:\/\//
			],
			[{ DATABASE_URL: 'niet een url' }, /^Configuration error: DATABASE_URL is not a valid URL$/],
			[{ ORIGIN: 'ftp://x' }, /^Configuration error: ORIGIN must start with http/],
			[{ SMTP_URL: 'http://mail' }, /^Configuration error: SMTP_URL must start with smtp/],
			[{ LOG_LEVEL: 'loud' }, /^Configuration error: LOG_LEVEL must be one of/],
			[{ WORKERS: '0' }, /^Configuration error: WORKERS must be between 1 and 64, got 0$/],
			[{ SEED_DEMO: 'misschien' }, /^Configuration error: SEED_DEMO must be true or false/],
			[
				{ ADMIN_EMAIL: 'geen-adres' },
				/^Configuration error: ADMIN_EMAIL is not a valid e-mail address$/
			]
		];
		for (const [env, expected] of cases) {
			const message = fail(env);
			expect(message).toMatch(expected);
			expect(message).not.toContain('\n');
		}
	});

	it('accepts the usual ways to write a boolean', () => {
		for (const v of ['false', 'FALSE', '0', 'no', 'nee']) {
			const result = parseConfig({ SEED_DEMO: v });
			expect(result.ok && result.config.seedDemo).toBe(false);
		}
	});

	it('reads TRUST_PROXY as a number of proxy hops, off unless set', () => {
		const hops = (v?: string) => {
			const result = parseConfig(v === undefined ? {} : { TRUST_PROXY: v });
			return result.ok ? result.config.trustProxy : result.message;
		};
		expect(hops()).toBe(0);
		for (const v of ['', 'false', '0', 'nee']) expect(hops(v)).toBe(0);
		expect(hops('true')).toBe(1);
		expect(hops('1')).toBe(1);
		expect(hops(' 2 ')).toBe(2);
		for (const v of ['-1', '11', '1.5', 'loadbalancer', '10.0.0.0/8']) {
			const message = fail({ TRUST_PROXY: v });
			expect(message).toMatch(/^Configuration error: TRUST_PROXY must be false or the number/);
			expect(message).toContain(`got "${v}"`);
			expect(message).not.toContain('\n');
		}
	});

	it('reads the attachment limit in megabytes, 25 unless set', () => {
		const bytes = (v?: string) => {
			const result = parseConfig(v === undefined ? {} : { ATTACHMENT_MAX_MB: v });
			return result.ok ? result.config.attachmentMaxBytes : result.message;
		};
		expect(bytes()).toBe(25 * 1024 * 1024);
		expect(bytes('100')).toBe(100 * 1024 * 1024);
		expect(fail({ ATTACHMENT_MAX_MB: '0' })).toMatch(
			/ATTACHMENT_MAX_MB must be between 1 and 1024/
		);
		expect(fail({ ATTACHMENT_MAX_MB: 'veel' })).toMatch(/ATTACHMENT_MAX_MB must be a whole number/);
	});
});
