import { createHmac } from 'node:crypto';

// An independent RFC 6238 implementation, so the tests check that any standard authenticator
// app works with our codes (not merely that the library agrees with itself).

function base32Decode(input: string): Buffer {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let bits = '';
	for (const char of input.replace(/=+$/, '').toUpperCase()) {
		const value = alphabet.indexOf(char);
		if (value < 0) throw new Error(`not base32: ${char}`);
		bits += value.toString(2).padStart(5, '0');
	}
	const bytes: number[] = [];
	for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
	return Buffer.from(bytes);
}

export function totp(secretBase32: string, time = Date.now(), step = 30, digits = 6): string {
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(Math.floor(time / 1000 / step)));
	const hmac = createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
	const offset = hmac[hmac.length - 1]! & 0xf;
	const code = (hmac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
	return String(code).padStart(digits, '0');
}
