import { describe, expect, it } from 'vitest';
import { addressKey, clientKey } from './client-address';

const request = (forwardedFor?: string) =>
	new Request('http://localhost/inloggen', {
		headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }
	});

describe('addressKey', () => {
	it('keeps IPv4 as is', () => {
		expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
		expect(addressKey(' 192.0.2.7:51234 ')).toBe('192.0.2.7');
	});

	it('treats IPv4-mapped IPv6 as IPv4, in either notation', () => {
		expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
		expect(addressKey('::FFFF:c000:0207')).toBe('192.0.2.7');
		expect(addressKey('[::ffff:192.0.2.7]:443')).toBe('192.0.2.7');
	});

	it('reduces IPv6 to its /64, expanding :: and lower-casing', () => {
		expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
		expect(addressKey('2001:DB8:0:0:0:0:ffff:1')).toBe('2001:db8:0:0::/64');
		expect(addressKey('2001:0db8:0000:0000:abcd::')).toBe('2001:db8:0:0::/64');
		expect(addressKey('[2001:db8::1]:8443')).toBe('2001:db8:0:0::/64');
		expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
		expect(addressKey('::1')).toBe('0:0:0:0::/64');
		expect(addressKey('2001:db8:1:2:3:4:192.0.2.7')).toBe('2001:db8:1:2::/64');
	});

	it('puts two addresses of one /64 under one key and a neighbouring /64 under another', () => {
		expect(addressKey('2001:db8::1')).toBe(addressKey('2001:db8::ffff:1'));
		expect(addressKey('2001:db8:0:1::1')).not.toBe(addressKey('2001:db8::1'));
	});

	it('refuses what is not an address', () => {
		for (const s of ['', 'unknown', '_hidden', '256.1.1.1', '1.2.3', '2001:db8:::1', 'a::b::c']) {
			expect(addressKey(s), s).toBeNull();
		}
	});
});

describe('clientKey', () => {
	it('uses the socket address without TRUST_PROXY, whatever X-Forwarded-For says', () => {
		const keys = new Set(
			['198.51.100.1', '198.51.100.2', '203.0.113.9, 198.51.100.3'].map((xff) =>
				clientKey(request(xff), '192.0.2.7', 0)
			)
		);
		expect([...keys]).toEqual(['192.0.2.7']);
		expect(clientKey(request(), '::ffff:192.0.2.7', 0)).toBe('192.0.2.7');
		expect(clientKey(request(), '2001:db8::ffff:1', 0)).toBe('2001:db8:0:0::/64');
	});

	it('with one trusted proxy takes the right-most entry and ignores spoofed ones to its left', () => {
		const proxy = '10.0.0.2';
		expect(clientKey(request('198.51.100.1'), proxy, 1)).toBe('198.51.100.1');
		// The client sent "X-Forwarded-For: 203.0.113.x" itself; our proxy appended what it saw.
		for (const spoof of ['203.0.113.1', '203.0.113.2, 203.0.113.3', 'garbage', '']) {
			expect(clientKey(request(`${spoof}, 198.51.100.1`), proxy, 1)).toBe('198.51.100.1');
		}
		expect(clientKey(request('203.0.113.1,2001:db8::42'), proxy, 1)).toBe('2001:db8:0:0::/64');
	});

	it('with n trusted proxies takes the n-th entry from the right', () => {
		const xff = '203.0.113.1, 198.51.100.1, 10.0.0.1';
		expect(clientKey(request(xff), '10.0.0.2', 2)).toBe('198.51.100.1');
		expect(clientKey(request(xff), '10.0.0.2', 3)).toBe('203.0.113.1');
	});

	it('falls back to the socket address when the header is missing, short or malformed', () => {
		const socket = '10.0.0.2';
		for (const [xff, hops] of [
			[undefined, 1],
			['', 1],
			['198.51.100.1', 2],
			['198.51.100.1, unknown', 1],
			['198.51.100.1, not-an-ip, 10.0.0.1', 2],
			['198.51.100.1, , 10.0.0.1', 2]
		] as const) {
			expect(clientKey(request(xff), socket, hops), String(xff)).toBe(socket);
		}
	});

	it('gives a socket without an address one shared key', () => {
		expect(clientKey(request(), '', 0)).toBe('unknown');
	});
});
