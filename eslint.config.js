import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Only a feature's queries.ts and mutations.ts (and the db/platform layer itself) touch the database. */
const databaseImports = {
	patterns: [
		{
			group: [
				'**/server/db',
				'**/server/db/*',
				'**/server/db/**',
				'$lib/server/db',
				'$lib/server/db/**'
			],
			message:
				"Only db/, platform/ and a feature's queries.ts or mutations.ts may touch the database: call a feature."
		},
		{
			// Relative paths from a feature file; type-only imports (the DB type) are fine.
			group: ['../../db', '../../db/*', '../../db/**', '../db', '../db/*'],
			allowTypeImports: true,
			message: "Only a feature's queries.ts or mutations.ts may touch the database."
		},
		{
			group: ['kysely', 'better-sqlite3', 'pg'],
			message: 'Database drivers belong in src/lib/server/db.'
		}
	]
};

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			// The app is served from the root (no kit.paths.base), so plain hrefs are correct.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		// Routes, components and feature files other than queries/mutations stay away from the database;
		// hooks.server.ts is the composition root that opens it and hands it to routes as locals.db.
		files: ['src/routes/**', 'src/lib/components/**', 'src/lib/server/features/**'],
		ignores: [
			'src/lib/server/features/**/queries.ts',
			'src/lib/server/features/**/mutations.ts',
			'src/lib/server/features/**/*.test.ts'
		],
		rules: { 'no-restricted-imports': ['error', databaseImports] }
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'src/lib/paraglide/',
			'data/',
			'bench/results/'
		]
	}
);
