import { isIP } from 'node:net';

/**
 * Who a request comes from, as a rate-limit key.
 *
 * - IPv4 as is. IPv4-mapped IPv6 (`::ffff:1.2.3.4`, what a dual-stack socket reports) is IPv4.
 * - IPv6 by its /64: one subscriber usually gets a whole /64 and can pick any address in it, so
 *   limiting single addresses would limit nothing.
 * - X-Forwarded-For only with TRUST_PROXY: anyone can send the header, so without a proxy of our
 *   own in front it is just a way to pick a fresh key per request.
 */

/** How many proxies of ours stand in front of the app (TRUST_PROXY); 0 = none, ignore XFF. */
export type TrustProxy = number;

/**
 * The key for the client of `request`. `socketAddress` is the peer of the TCP connection
 * (SvelteKit's getClientAddress() with adapter-node's ADDRESS_HEADER unset).
 *
 * With n trusted proxies, each one appends the address it received the request from, so the
 * n-th entry from the right of X-Forwarded-For is the one our outermost proxy saw: the client.
 * Entries further left came from the client itself and are never believed. When the entries we
 * rely on are missing or not addresses, the socket address is used.
 */
export function clientKey(request: Request, socketAddress: string, trustProxy: TrustProxy): string {
	if (trustProxy > 0) {
		const forwarded = request.headers.get('x-forwarded-for');
		if (forwarded !== null) {
			const entries = forwarded.split(',').map((e) => e.trim());
			if (entries.length >= trustProxy) {
				// Every entry a trusted proxy wrote must be an address; one that is not means the
				// header is not what our proxies produce.
				const [client, ...nearer] = entries.slice(entries.length - trustProxy).map(addressKey);
				if (client && nearer.every((k) => k !== null)) return client;
			}
		}
	}
	// A socket without an address (a test, a Unix socket) still needs a key; all such share one.
	return addressKey(socketAddress) ?? 'unknown';
}

/**
 * The rate-limit key of one address, or null when it is not an IP address. Accepts the forms
 * proxies write: `1.2.3.4`, `1.2.3.4:5678`, `2001:db8::1`, `[2001:db8::1]:443`, `fe80::1%eth0`.
 */
export function addressKey(raw: string): string | null {
	let s = raw.trim();
	const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(s)?.[1];
	if (bracketed !== undefined) s = bracketed;
	else if (/^[\d.]+:\d{1,5}$/.test(s)) s = s.slice(0, s.lastIndexOf(':'));
	s = s.replace(/%[\w.-]+$/, ''); // zone id: local to the host, not part of the address

	const version = isIP(s);
	if (version === 4) return s;
	if (version !== 6) return null;
	const groups = ipv6Groups(s);
	if (!groups) return null;
	// ::ffff:a.b.c.d is an IPv4 client on a dual-stack socket.
	const [, , , , , mapped, high, low] = groups;
	if (groups.slice(0, 5).every((g) => g === 0) && mapped === 0xffff) {
		return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
	}
	return `${groups
		.slice(0, 4)
		.map((g) => g.toString(16))
		.join(':')}::/64`;
}

type Groups = [number, number, number, number, number, number, number, number];

/** The eight 16-bit groups of an IPv6 address, with `::` and a trailing IPv4 part expanded. */
function ipv6Groups(address: string): Groups | null {
	let s = address.toLowerCase();
	if (s.includes('.')) {
		const at = s.lastIndexOf(':');
		const octets = s
			.slice(at + 1)
			.split('.')
			.map(Number);
		if (octets.length !== 4 || octets.some((n) => !Number.isInteger(n) || n < 0 || n > 255)) {
			return null;
		}
		const [a, b, c, d] = octets as [number, number, number, number];
		s = `${s.slice(0, at + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
	}
	const halves = s.split('::');
	if (halves.length > 2) return null;
	const head = halves[0] ? halves[0].split(':') : [];
	const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
	const missing = 8 - head.length - tail.length;
	if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
	const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
	if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
	// Exactly eight by the length check above.
	return groups.map((g) => parseInt(g, 16)) as Groups;
}
