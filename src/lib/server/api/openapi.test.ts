import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATIONS, openApiDocument } from './openapi';

/** Every handler under src/routes/api/v1, as "METHOD /api/v1/path/{param}". */
function routeOperations(): string[] {
	const root = path.resolve('src/routes/api/v1');
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === '+server.ts') {
				const route =
					'/api/v1/' +
					path
						.relative(root, dir)
						.split(path.sep)
						.map((part) => part.replace(/^\[(\w+)\]$/, '{$1}'))
						.join('/');
				const source = fs.readFileSync(full, 'utf8');
				for (const m of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) {
					found.push(`${m[1]} ${route.replace(/\/$/, '')}`);
				}
			}
		}
	};
	walk(root);
	return found.sort();
}

describe('OpenAPI document', () => {
	it('describes exactly the /api/v1 routes that exist', () => {
		const documented = OPERATIONS.map((op) => `${op.method.toUpperCase()} ${op.path}`).sort();
		expect(documented).toEqual(routeOperations());
	});

	it('is OpenAPI 3.1 with JSON schemas generated from zod', () => {
		const doc = openApiDocument('https://kennis.example');
		expect(doc.openapi).toBe('3.1.0');
		const create = doc.paths['/api/v1/me/tokens']?.post as {
			requestBody: { content: { 'application/json': { schema: { properties: object } } } };
		};
		expect(Object.keys(create.requestBody.content['application/json'].schema.properties)).toEqual([
			'name'
		]);
	});
});
