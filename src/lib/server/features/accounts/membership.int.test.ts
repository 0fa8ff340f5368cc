import { afterEach, describe, expect, it } from 'vitest';
import { seedAllowlist, SEED_DOMAINS } from '../../db/seed/allowlist';
import { seedReference } from '../../db/seed/reference';
import { createAuth, type Auth } from '../../platform/auth';
import { ensureAuthSecret } from '../../platform/secrets';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { buildMember } from '../../testing/factories';
import { applyForMembership, type ApplyDeps } from './apply';
import { signIn } from './sign-in';
import {
	addAllowedDomain,
	approveApplication,
	rejectApplication,
	removeAllowedDomain,
	settleVerifiedApplicant
} from './mutations';
import {
	allowlistEntryFor,
	applicationFormOptions,
	domainCandidates,
	listAllowlist,
	listApplicationQueue,
	listAuditLog
} from './queries';
import { applySchema, domainSchema, fieldProblems, NEW_ORGANISATION, rejectSchema } from './schema';

const origin = 'http://localhost:3000';
const limits = { idleSeconds: 7 * 86400, absoluteSeconds: 30 * 86400 };
const PASSWORD = 'kanaalzone-beurtvaart-zuidwester';

describe.each(DIALECTS)('membership on %s', (dialect) => {
	let handle: TestDatabase;
	let auth: Auth;
	let clientCounter = 0;

	afterEach(async () => {
		await handle?.destroy();
	});

	async function setup() {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		auth = createAuth({
			db: handle.db,
			dialect,
			config: { origin, https: false },
			secret: await ensureAuthSecret(handle.db, undefined),
			limits
		});
	}

	const deps = (client = `192.0.2.${++clientCounter}`): ApplyDeps => ({
		db: handle.db,
		auth,
		headers: new Headers({ origin, 'user-agent': 'vitest' }),
		client,
		origin
	});

	async function organisationId(slug: string) {
		const row = await handle.db
			.selectFrom('organisations')
			.select('id')
			.where('slug', '=', slug)
			.executeTakeFirstOrThrow();
		return row.id;
	}

	async function form(overrides: Record<string, unknown> = {}) {
		return applySchema.parse({
			name: 'Sanne de Boer',
			email: 'sanne.deboer@zwolle.example',
			password: PASSWORD,
			organisation: await organisationId('gemeente-zwolle'),
			fieldRole: 'accountmanager-bedrijven',
			province: 'NL-OV',
			themes: ['digitalisering', 'regionale-samenwerking'],
			motivation: 'Ik wil leren hoe andere regio’s accountmanagement organiseren.',
			...overrides
		});
	}

	async function mails(to?: string) {
		let query = handle.db
			.selectFrom('mail_outbox')
			.select(['to_address', 'kind', 'subject', 'text_body'])
			.orderBy('created_at');
		if (to) query = query.where('to_address', '=', to);
		return query.execute();
	}

	async function user(email: string) {
		return handle.db
			.selectFrom('users')
			.selectAll()
			.where('email', '=', email)
			.executeTakeFirstOrThrow();
	}

	/** Follows the verification link from the outbox as better-auth would, and returns where it lands. */
	async function verify(email: string) {
		const mail = (await mails(email)).find((m) => m.kind === 'verification');
		const link = new URL(mail!.text_body.match(/https?:\/\/\S+/)![0]);
		const callbackURL = link.searchParams.get('callbackURL')!;
		await auth.api
			.verifyEmail({
				query: { token: link.searchParams.get('token')!, callbackURL },
				headers: new Headers({ origin })
			})
			.catch((e: unknown) => {
				// better-auth answers a successful verification with a redirect to callbackURL.
				if ((e as { status?: string }).status !== 'FOUND') throw e;
			});
		return new URL(callbackURL, origin);
	}

	it('sends a new verification link to an applicant who signs in with the right password, within the limits', async () => {
		await setup();
		const email = 'sanne.deboer@zwolle.example';
		expect(await applyForMembership(deps(), await form())).toEqual({ ok: true });
		await handle.db.deleteFrom('mail_outbox').execute();
		const attempt = (password: string, client = '198.51.100.7') =>
			signIn(
				{ db: handle.db, auth, headers: new Headers({ origin, 'user-agent': 'vitest' }), client },
				{ email, password }
			);

		// A wrong password says nothing about the address and sends nothing.
		expect(await attempt('niet-het-goede-wachtwoord')).toEqual({
			ok: false,
			reason: 'invalid_credentials'
		});
		expect(await mails(email)).toEqual([]);

		// The right one: not signed in, but a new link that leads back to the application.
		expect(await attempt(PASSWORD)).toEqual({
			ok: false,
			reason: 'email_not_verified',
			linkSent: true
		});
		expect((await mails(email)).map((m) => m.kind)).toEqual(['verification']);
		const landing = await verify(email);
		expect(landing.pathname).toBe('/aanmelden/bevestigd');
		const application = await handle.db
			.selectFrom('applications')
			.select('id')
			.executeTakeFirstOrThrow();
		expect(landing.searchParams.get('aanmelding')).toBe(application.id);
		expect(Boolean((await user(email)).email_verified)).toBe(true);
	});

	it('sends at most three new verification links an hour to one address, from any client', async () => {
		await setup();
		const email = 'sanne.deboer@zwolle.example';
		expect(await applyForMembership(deps(), await form())).toEqual({ ok: true });
		await handle.db.deleteFrom('mail_outbox').execute();
		const results = [];
		for (let i = 0; i < 5; i++) {
			const result = await signIn(
				{
					db: handle.db,
					auth,
					headers: new Headers({ origin, 'user-agent': 'vitest' }),
					client: `203.0.113.${i + 1}`
				},
				{ email, password: PASSWORD }
			);
			results.push(result.ok ? 'signed in' : `${result.reason} ${result.linkSent}`);
		}
		expect(results).toEqual([
			'email_not_verified true',
			'email_not_verified true',
			'email_not_verified true',
			'email_not_verified false',
			'email_not_verified false'
		]);
		expect(await mails(email)).toHaveLength(3);
	});

	it('offers the organisations, types, provinces, roles and themes of the reference seed', async () => {
		await setup();
		const options = await applicationFormOptions(handle.db);
		expect(options.provinces).toHaveLength(12);
		expect(options.themes.map((t) => t.id)).toContain('digitalisering');
		expect(options.fieldRoles.map((r) => r.id)).toContain('accountmanager-bedrijven');
		expect(options.organisationTypes.map((t) => t.id)).toContain('gemeente');
		expect(options.organisations.length).toBeGreaterThan(50);
	});

	it('applies, stores our fields, and sends the verification mail that returns to /aanmelden/bevestigd', async () => {
		await setup();
		expect(await applyForMembership(deps(), await form())).toEqual({ ok: true });
		const u = await user('sanne.deboer@zwolle.example');
		expect(u).toMatchObject({
			status: 'applicant',
			role: 'member',
			province_code: 'NL-OV',
			field_role_id: 'accountmanager-bedrijven',
			organisation_id: await organisationId('gemeente-zwolle')
		});
		expect(Boolean(u.email_verified)).toBe(false);
		const themes = await handle.db
			.selectFrom('user_themes')
			.select('theme_id')
			.where('user_id', '=', u.id)
			.orderBy('theme_id')
			.execute();
		expect(themes.map((t) => t.theme_id)).toEqual(['digitalisering', 'regionale-samenwerking']);
		const application = await handle.db
			.selectFrom('applications')
			.selectAll()
			.where('user_id', '=', u.id)
			.executeTakeFirstOrThrow();
		expect(application).toMatchObject({ decision: null, organisation_name_new: null });
		expect(application.motivation).toMatch(/accountmanagement/);
		expect(application.created_at).toMatch(/Z$/);

		const sent = await mails('sanne.deboer@zwolle.example');
		expect(sent.map((m) => m.kind)).toEqual(['verification']);
		const landing = await verify('sanne.deboer@zwolle.example');
		expect(landing.pathname).toBe('/aanmelden/bevestigd');
		expect(landing.searchParams.get('aanmelding')).toBe(application.id);
		expect(Boolean((await user('sanne.deboer@zwolle.example')).email_verified)).toBe(true);
	});

	it('approves a verified applicant on the allowlist once, and leaves the others in the queue', async () => {
		await setup();
		await addAllowedDomain(handle.db, {
			actorId: (await buildMember(handle.db, { role: 'admin' })).id,
			domain: 'zwolle.example',
			note: 'Gemeente Zwolle'
		});
		await applyForMembership(deps(), await form());
		await applyForMembership(
			deps(),
			await form({ name: 'Bram Visser', email: 'bram@adviesbureau.example' })
		);
		const sanne = await user('sanne.deboer@zwolle.example');
		const bram = await user('bram@adviesbureau.example');

		// Before verification nothing happens, whatever the caller claims.
		expect(await settleVerifiedApplicant(handle.db, sanne.id, { origin })).toEqual({
			ok: false,
			reason: 'not_verified'
		});
		expect((await user(sanne.email)).status).toBe('applicant');
		expect(await listApplicationQueue(handle.db)).toEqual([]);

		await verify(sanne.email);
		await verify(bram.email);
		expect(await settleVerifiedApplicant(handle.db, sanne.id, { origin })).toEqual({
			ok: true,
			outcome: 'approved'
		});
		expect(await settleVerifiedApplicant(handle.db, sanne.id, { origin })).toEqual({
			ok: true,
			outcome: 'already_member'
		});
		expect(await settleVerifiedApplicant(handle.db, bram.id, { origin })).toEqual({
			ok: true,
			outcome: 'waiting'
		});
		expect(await settleVerifiedApplicant(handle.db, 'no-such-user', { origin })).toEqual({
			ok: false,
			reason: 'not_found'
		});

		expect((await user(sanne.email)).status).toBe('active');
		expect((await user(bram.email)).status).toBe('applicant');
		expect((await mails(sanne.email)).map((m) => m.kind)).toEqual(['verification', 'approval']);
		expect((await mails(bram.email)).map((m) => m.kind)).toEqual(['verification']);

		const queue = await listApplicationQueue(handle.db);
		expect(queue).toHaveLength(1);
		expect(queue[0]).toMatchObject({
			id: bram.id,
			name: 'Bram Visser',
			email: 'bram@adviesbureau.example',
			organisation_name: 'Gemeente Zwolle',
			province_name: 'Overijssel',
			field_role_name: 'Accountmanager bedrijven'
		});

		const log = await listAuditLog(handle.db, { page: 1 });
		const auto = log.rows.find((r) => r.action === 'application.auto_approved');
		expect(auto).toMatchObject({
			actor_name: null,
			subject_id: sanne.id,
			subject_name: 'Sanne de Boer'
		});
		expect(JSON.parse(auto!.details)).toEqual({ via: 'zwolle.example' });

		// The new member signs in.
		const signedIn = await auth.api.signInEmail({
			body: { email: sanne.email, password: PASSWORD },
			headers: new Headers({ origin })
		});
		expect(signedIn.user.email).toBe(sanne.email);
	});

	it('lets an admin approve (with mail and audit) and reject only with a reason', async () => {
		await setup();
		const admin = await buildMember(handle.db, { role: 'admin', name: 'Beheerder Bea' });
		await applyForMembership(deps(), await form({ email: 'a@elders.example', name: 'Anna Smit' }));
		await applyForMembership(deps(), await form({ email: 'b@elders.example', name: 'Bas Kok' }));
		await applyForMembership(deps(), await form({ email: 'c@elders.example', name: 'Cor Dijk' }));
		const [anna, bas, cor] = await Promise.all(
			['a@elders.example', 'b@elders.example', 'c@elders.example'].map(user)
		);
		await verify(anna!.email);
		await verify(bas!.email);

		expect(
			await approveApplication(handle.db, { actorId: admin.id, userId: cor!.id, origin })
		).toEqual({ ok: false, reason: 'not_verified' });
		expect(
			await approveApplication(handle.db, { actorId: admin.id, userId: anna!.id, origin })
		).toEqual({ ok: true, name: 'Anna Smit' });
		expect(
			await approveApplication(handle.db, { actorId: admin.id, userId: anna!.id, origin })
		).toEqual({ ok: false, reason: 'already_decided' });
		expect(
			await rejectApplication(handle.db, { actorId: admin.id, userId: anna!.id, reason: 'x' })
		).toEqual({ ok: false, reason: 'already_decided' });
		expect(
			await approveApplication(handle.db, { actorId: admin.id, userId: 'nobody', origin })
		).toEqual({ ok: false, reason: 'not_found' });
		expect((await user(anna!.email)).status).toBe('active');
		const approval = (await mails(anna!.email)).find((m) => m.kind === 'approval');
		expect(approval?.text_body).toContain(`${origin}/inloggen`);
		expect(approval?.text_body).toContain('Beste Anna Smit');

		// The reason is required (the schema says so, in the form's terms).
		const missing = rejectSchema.safeParse({ userId: bas!.id, reason: '   ' });
		expect(missing.success).toBe(false);
		expect(fieldProblems(missing.error!)).toEqual({ reason: 'required' });
		const reason = 'Je organisatie valt buiten de doelgroep van het netwerk.';
		expect(
			await rejectApplication(handle.db, { actorId: admin.id, userId: bas!.id, reason })
		).toEqual({ ok: true, name: 'Bas Kok' });
		expect(
			await rejectApplication(handle.db, { actorId: admin.id, userId: bas!.id, reason })
		).toEqual({
			ok: false,
			reason: 'already_decided'
		});
		const rejection = (await mails(bas!.email)).find((m) => m.kind === 'rejection');
		expect(rejection?.text_body).toContain(reason);
		expect((await user(bas!.email)).status).toBe('applicant');
		expect(await settleVerifiedApplicant(handle.db, bas!.id, { origin })).toEqual({
			ok: true,
			outcome: 'rejected'
		});
		const decided = await handle.db
			.selectFrom('applications')
			.select(['user_id', 'decision', 'decided_by', 'reason'])
			.where('decision', 'is not', null)
			.orderBy('decision')
			.execute();
		expect(decided).toEqual([
			{ user_id: anna!.id, decision: 'approved', decided_by: admin.id, reason: null },
			{ user_id: bas!.id, decision: 'rejected', decided_by: admin.id, reason }
		]);
		expect(await listApplicationQueue(handle.db)).toEqual([]);

		const log = await listAuditLog(handle.db, { page: 1 });
		expect(log.rows.map((r) => [r.action, r.actor_name, r.subject_name]).sort()).toEqual([
			['application.approved', 'Beheerder Bea', 'Anna Smit'],
			['application.rejected', 'Beheerder Bea', 'Bas Kok']
		]);
		// No personal data in the details: the reason lives on the application, not in the log.
		for (const row of log.rows) expect(row.details).not.toContain('doelgroep');
	});

	it('creates a proposed organisation only when the applicant is approved', async () => {
		await setup();
		const admin = await buildMember(handle.db, { role: 'admin' });
		const input = await form({
			email: 'jet@rom.example',
			organisation: NEW_ORGANISATION,
			newOrganisationName: 'Ontwikkelingsmaatschappij Oost-Test',
			newOrganisationType: 'regionale-ontwikkelingsmaatschappij',
			newOrganisationProvince: 'NL-GE'
		});
		expect(input.newOrganisation).toEqual({
			name: 'Ontwikkelingsmaatschappij Oost-Test',
			typeId: 'regionale-ontwikkelingsmaatschappij',
			provinceCode: 'NL-GE'
		});
		expect(await applyForMembership(deps(), input)).toEqual({ ok: true });
		const find = () =>
			handle.db
				.selectFrom('organisations')
				.select(['id', 'type_id', 'province_code', 'is_partner'])
				.where('slug', '=', 'ontwikkelingsmaatschappij-oost-test')
				.executeTakeFirst();
		expect(await find()).toBeUndefined();
		const jet = await user('jet@rom.example');
		expect(jet.organisation_id).toBeNull();
		await verify(jet.email);
		const [queued] = await listApplicationQueue(handle.db);
		expect(queued).toMatchObject({
			organisation_name: null,
			organisation_name_new: 'Ontwikkelingsmaatschappij Oost-Test',
			organisation_type_new: 'Regionale ontwikkelingsmaatschappij',
			organisation_province_new: 'Gelderland'
		});
		await approveApplication(handle.db, { actorId: admin.id, userId: jet.id, origin });
		const created = await find();
		expect(created).toMatchObject({
			type_id: 'regionale-ontwikkelingsmaatschappij',
			province_code: 'NL-GE'
		});
		expect(Boolean(created!.is_partner)).toBe(false);
		expect((await user(jet.email)).organisation_id).toBe(created!.id);
	});

	it('answers a repeated address like a new one, without a second account, and tells the owner', async () => {
		await setup();
		await applyForMembership(deps(), await form());
		const again = await applyForMembership(deps(), await form({ name: 'Iemand Anders' }));
		expect(again).toEqual({ ok: true });
		const users = await handle.db
			.selectFrom('users')
			.select(['name'])
			.where('email', '=', 'sanne.deboer@zwolle.example')
			.execute();
		expect(users).toEqual([{ name: 'Sanne de Boer' }]);
		expect(await handle.db.selectFrom('applications').select('id').execute()).toHaveLength(1);
		expect((await mails('sanne.deboer@zwolle.example')).map((m) => m.kind)).toEqual([
			'verification',
			'existing_account'
		]);
		// The notice is limited per address like verification mails: 3 an hour.
		for (let i = 0; i < 4; i++) await applyForMembership(deps(), await form());
		const notices = (await mails('sanne.deboer@zwolle.example')).filter(
			(m) => m.kind === 'existing_account'
		);
		expect(notices).toHaveLength(3);
	});

	it('limits applications per client before it judges the password', async () => {
		await setup();
		const client = '198.51.100.7';
		const weak = await form({ password: 'welkom123' });
		for (let i = 0; i < 10; i++) {
			expect(await applyForMembership(deps(client), weak)).toMatchObject({
				ok: false,
				reason: 'weak_password'
			});
		}
		const limited = await applyForMembership(deps(client), await form());
		expect(limited).toMatchObject({ ok: false, reason: 'rate_limited' });
		expect(
			limited.ok === false && limited.reason === 'rate_limited' && limited.retryAfterSeconds
		).toBeGreaterThan(0);
		expect(await handle.db.selectFrom('users').select('id').execute()).toEqual([]);
		// Another client is not affected.
		expect(await applyForMembership(deps('198.51.100.8'), await form())).toEqual({ ok: true });
	});

	it('refuses weak passwords (also ones made of the name or address) and unknown references', async () => {
		await setup();
		expect(await applyForMembership(deps(), await form({ password: 'kort' }))).toMatchObject({
			ok: false,
			reason: 'weak_password',
			refusal: 'too_short'
		});
		expect(
			await applyForMembership(deps(), await form({ password: 'sanne.deboer-zwolle.example' }))
		).toMatchObject({
			ok: false,
			reason: 'weak_password',
			refusal: 'too_guessable',
			warning: 'userInputs'
		});
		expect(
			await applyForMembership(
				deps(),
				await form({
					province: 'NL-XX',
					fieldRole: 'astronaut',
					themes: ['digitalisering', 'ruimtevaart']
				})
			)
		).toEqual({
			ok: false,
			reason: 'unknown_reference',
			fields: ['fieldRole', 'province', 'themes']
		});
		expect(
			await applyForMembership(deps(), await form({ organisation: 'geen-organisatie' }))
		).toEqual({ ok: false, reason: 'unknown_reference', fields: ['organisation'] });
		expect(await handle.db.selectFrom('users').select('id').execute()).toEqual([]);
		expect(await mails()).toEqual([]);
	});

	it('validates the form in the terms the page speaks', () => {
		const empty = applySchema.safeParse({});
		expect(empty.success).toBe(false);
		expect(fieldProblems(empty.error!)).toMatchObject({
			name: 'invalid',
			email: 'invalid',
			password: 'invalid'
		});
		const blank = applySchema.safeParse({
			name: ' ',
			email: 'geen-adres',
			password: '',
			organisation: NEW_ORGANISATION,
			fieldRole: '',
			province: '',
			motivation: 'x'.repeat(1001)
		});
		expect(fieldProblems(blank.error!)).toEqual({
			name: 'too_short',
			email: 'invalid',
			password: 'required',
			fieldRole: 'required',
			province: 'required',
			motivation: 'too_long',
			// All at once: the new organisation's fields are checked even when others fail.
			newOrganisationName: 'required',
			newOrganisationType: 'required'
		});
		const newOrg = applySchema.safeParse({
			name: 'Jan Jansen',
			email: 'jan@example.org',
			password: PASSWORD,
			organisation: NEW_ORGANISATION,
			newOrganisationName: '',
			fieldRole: 'adviseur',
			province: 'NL-UT'
		});
		expect(fieldProblems(newOrg.error!)).toEqual({
			newOrganisationName: 'required',
			newOrganisationType: 'required'
		});
		const ok = applySchema.parse({
			name: '  Jan Jansen ',
			email: ' Jan@Example.ORG ',
			password: ` ${PASSWORD} `,
			organisation: 'org-1',
			newOrganisationName: 'genegeerd',
			fieldRole: 'adviseur',
			province: 'NL-UT',
			themes: ['a', 'a', 'b']
		});
		expect(ok).toMatchObject({
			name: 'Jan Jansen',
			email: 'jan@example.org',
			password: ` ${PASSWORD} `,
			themes: ['a', 'b'],
			motivation: '',
			newOrganisation: null
		});
	});

	it('keeps the allowlist: validated, unique, audit-logged, matching subdomains', async () => {
		await setup();
		const admin = await buildMember(handle.db, { role: 'admin', name: 'Beheerder Bob' });
		const parse = (domain: string) => domainSchema.safeParse({ domain });
		expect(parse('@Gemeente.Example.').data?.domain).toBe('gemeente.example');
		expect(parse('münster.example').data?.domain).toBe('xn--mnster-3ya.example');
		for (const bad of [
			'',
			'localhost',
			'nl',
			'jan@x.nl',
			'http://x.nl',
			'-a.nl',
			'a..nl',
			'x.123'
		]) {
			expect(parse(bad).success, bad).toBe(false);
		}
		expect(fieldProblems(parse('').error!)).toEqual({ domain: 'required' });
		expect(fieldProblems(parse('geen domein').error!)).toEqual({ domain: 'invalid' });

		const added = await addAllowedDomain(handle.db, {
			actorId: admin.id,
			domain: 'gemeente.example',
			note: 'Testgemeente'
		});
		expect(added.ok).toBe(true);
		expect(
			await addAllowedDomain(handle.db, { actorId: admin.id, domain: 'gemeente.example', note: '' })
		).toEqual({ ok: false, reason: 'domain_taken' });

		expect(domainCandidates('a@x.gemeente.example')).toEqual([
			'x.gemeente.example',
			'gemeente.example'
		]);
		expect((await allowlistEntryFor(handle.db, 'piet@gemeente.example'))?.domain).toBe(
			'gemeente.example'
		);
		expect((await allowlistEntryFor(handle.db, 'piet@afd.gemeente.example'))?.domain).toBe(
			'gemeente.example'
		);
		expect(await allowlistEntryFor(handle.db, 'piet@nepgemeente.example')).toBeUndefined();
		expect(await allowlistEntryFor(handle.db, 'piet@gemeente.example.evil')).toBeUndefined();

		const list = await listAllowlist(handle.db);
		expect(list).toMatchObject([
			{ domain: 'gemeente.example', note: 'Testgemeente', created_by_name: 'Beheerder Bob' }
		]);
		expect(await removeAllowedDomain(handle.db, { actorId: admin.id, id: list[0]!.id })).toEqual({
			ok: true,
			domain: 'gemeente.example'
		});
		expect(await removeAllowedDomain(handle.db, { actorId: admin.id, id: list[0]!.id })).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(await listAllowlist(handle.db)).toEqual([]);

		const log = await listAuditLog(handle.db, { page: 1 });
		expect(
			log.rows.map((r) => [r.action, r.actor_name, JSON.parse(r.details).domain]).sort()
		).toEqual([
			['allowlist.added', 'Beheerder Bob', 'gemeente.example'],
			['allowlist.removed', 'Beheerder Bob', 'gemeente.example']
		]);
	});

	it('seeds the allowlist once: a removed domain does not come back', async () => {
		await setup();
		expect(await seedAllowlist(handle.db)).toBe(SEED_DOMAINS.length);
		expect(await seedAllowlist(handle.db)).toBe(0);
		const kvk = (await listAllowlist(handle.db)).find((d) => d.domain === 'kvk.nl');
		await removeAllowedDomain(handle.db, {
			actorId: (await buildMember(handle.db)).id,
			id: kvk!.id
		});
		expect(await seedAllowlist(handle.db)).toBe(0);
		expect((await listAllowlist(handle.db)).map((d) => d.domain)).not.toContain('kvk.nl');
	});

	it('pages the audit log newest first', async () => {
		await setup();
		const admin = await buildMember(handle.db, { role: 'admin' });
		for (let i = 0; i < 7; i++) {
			await addAllowedDomain(handle.db, { actorId: admin.id, domain: `d${i}.example`, note: '' });
			await new Promise((r) => setTimeout(r, 2));
		}
		const first = await listAuditLog(handle.db, { page: 1, pageSize: 3 });
		expect(first).toMatchObject({ total: 7, page: 1, pageCount: 3 });
		expect(first.rows.map((r) => JSON.parse(r.details).domain)).toEqual([
			'd6.example',
			'd5.example',
			'd4.example'
		]);
		const last = await listAuditLog(handle.db, { page: 99, pageSize: 3 });
		expect(last.page).toBe(3);
		expect(last.rows.map((r) => JSON.parse(r.details).domain)).toEqual(['d0.example']);
		expect(last.rows[0]!.created_at).toMatch(/Z$/);
	});

	it('removes the membership tables with down, and brings them back', async () => {
		await setup();
		const { migrateDownThrough, migrateToLatest } = await import('../../db/migrate');
		// Later migrations (other features) come off first.
		const undone = await migrateDownThrough(handle.db, '2026_11_29_1400_membership');
		for (const table of ['audit_log', 'applications', 'domain_allowlist'] as const) {
			await expect(handle.db.selectFrom(table).selectAll().execute()).rejects.toThrow();
		}
		expect(await migrateToLatest(handle.db)).toEqual([...undone].reverse());
		expect(await handle.db.selectFrom('audit_log').select('id').execute()).toEqual([]);
	});
});
