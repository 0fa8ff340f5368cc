import { afterEach, describe, expect, it } from 'vitest';
import { seedReference } from '../db/seed/reference';
import { listAuditLog } from '../features/accounts/queries';
import { changeCapacity, createEvent, setRegistrationClosed } from '../features/events/mutations';
import { eventForViewer } from '../features/events/queries';
import { staffAudit as eventAudit } from '../features/events/staff-audit';
import { setMemberRole } from '../features/networks/mutations';
import { networkForViewer } from '../features/networks/queries';
import { staffAudit as networkAudit } from '../features/networks/staff-audit';
import { changeCohortSize, createProgramme } from '../features/programmes/mutations';
import { programmeSubject } from '../features/programmes/present';
import { programmeForViewer } from '../features/programmes/queries';
import { staffAudit as programmeAudit } from '../features/programmes/staff-audit';
import type { Viewer } from '../features/viewer';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../testing/db';
import { addNetworkMember, buildMember, buildNetwork, eventInput } from '../testing/factories';

/**
 * An admin or editor who runs an event, network or programme they do not coordinate themselves
 * is written in the audit log, in the same transaction as the change; its own coordinators'
 * work is not, and neither is a change that did not happen.
 */
const ORIGIN = 'https://kennisnetwerk.example';

describe.each(DIALECTS)('the audit log of staff acting for others on %s', (dialect) => {
	let handle: TestDatabase;
	afterEach(async () => {
		await handle?.destroy();
	});

	async function setup() {
		handle = await migratedDatabase(dialect);
		const db = handle.db;
		await seedReference(db);
		const adminUser = await buildMember(db, { role: 'admin', name: 'Beheerder Bakker' });
		const coordinatorUser = await buildMember(db, { name: 'Coördinator Claes' });
		const member = await buildMember(db, { name: 'Lid Lammers' });
		const network = await buildNetwork(db, { name: 'Netwerk Noord' });
		await addNetworkMember(db, network.id, coordinatorUser.id, { role: 'coordinator' });
		await addNetworkMember(db, network.id, member.id);
		const admin: Viewer = { kind: 'member', userId: adminUser.id, role: 'admin' };
		const coordinator: Viewer = { kind: 'member', userId: coordinatorUser.id, role: 'member' };
		const created = await createEvent(
			db,
			eventInput(10, {
				title: 'Netwerkbijeenkomst Noord',
				formatId: 'netwerkbijeenkomst',
				organiserKind: 'network',
				networkId: network.id,
				capacity: 20,
				createdBy: coordinatorUser.id
			})
		);
		const log = async () =>
			(await listAuditLog(db, { page: 1, pageSize: 50 })).rows.map((r) => ({
				actor: r.actor_id,
				action: r.action,
				subject: `${r.subject_type} ${r.subject_id}`,
				details: JSON.parse(r.details) as Record<string, unknown>
			}));
		return { db, admin, coordinator, network, member, eventSlug: created.slug, log };
	}

	it('logs what an admin does to a network’s event, not what its coordinator does', async () => {
		const { db, admin, coordinator, eventSlug, log } = await setup();
		const asAdmin = (await eventForViewer(db, eventSlug, admin))!;
		const asCoordinator = (await eventForViewer(db, eventSlug, coordinator))!;
		await changeCapacity(db, {
			eventId: asCoordinator.id,
			capacity: 25,
			origin: ORIGIN,
			audit: eventAudit(coordinator, asCoordinator, 'event.capacity_changed')
		});
		expect(await log()).toEqual([]);
		await changeCapacity(db, {
			eventId: asAdmin.id,
			capacity: 15,
			origin: ORIGIN,
			audit: eventAudit(admin, asAdmin, 'event.capacity_changed', { from: 25, to: 15 })
		});
		await setRegistrationClosed(db, {
			eventId: asAdmin.id,
			closed: true,
			audit: eventAudit(admin, asAdmin, 'event.registration_closed')
		});
		// A change that does not happen (no such event) leaves no entry.
		await setRegistrationClosed(db, {
			eventId: 'bestaat-niet',
			closed: true,
			audit: eventAudit(admin, asAdmin, 'event.registration_closed')
		});
		// Both in the same millisecond, maybe: by action.
		const entries = (await log()).sort((a, b) => b.action.localeCompare(a.action));
		expect(entries).toEqual([
			{
				actor: admin.kind === 'member' ? admin.userId : null,
				action: 'event.registration_closed',
				subject: `event ${asAdmin.id}`,
				details: { name: 'Netwerkbijeenkomst Noord' }
			},
			{
				actor: admin.kind === 'member' ? admin.userId : null,
				action: 'event.capacity_changed',
				subject: `event ${asAdmin.id}`,
				details: { name: 'Netwerkbijeenkomst Noord', from: 25, to: 15 }
			}
		]);
	});

	it('logs an admin’s change of roles in a network they do not coordinate, and only when made', async () => {
		const { db, admin, coordinator, network, member, log } = await setup();
		const slug = (await db
			.selectFrom('networks')
			.select('slug')
			.where('id', '=', network.id)
			.executeTakeFirstOrThrow())!.slug;
		const asAdmin = (await networkForViewer(db, slug, admin))!;
		const asCoordinator = (await networkForViewer(db, slug, coordinator))!;
		await setMemberRole(db, {
			networkId: network.id,
			userId: member.id,
			role: 'coordinator',
			audit: networkAudit(
				coordinator,
				asCoordinator.network,
				asCoordinator.subject,
				'network.role_changed'
			)
		});
		expect(await log()).toEqual([]);
		const back = () =>
			setMemberRole(db, {
				networkId: network.id,
				userId: member.id,
				role: 'member',
				audit: networkAudit(admin, asAdmin.network, asAdmin.subject, 'network.role_changed', {
					to: 'member'
				})
			});
		expect((await back()).ok).toBe(true);
		// Already a member: nothing changes, nothing is logged.
		expect(await back()).toEqual({ ok: false, reason: 'unchanged' });
		expect(await log()).toEqual([
			{
				actor: admin.kind === 'member' ? admin.userId : null,
				action: 'network.role_changed',
				subject: `network ${network.id}`,
				details: { name: 'Netwerk Noord', to: 'member' }
			}
		]);
	});

	it('logs an editor’s change of a programme they do not coordinate', async () => {
		const { db, coordinator, log } = await setup();
		const editorUser = await buildMember(db, { role: 'editor' });
		const editor: Viewer = { kind: 'member', userId: editorUser.id, role: 'editor' };
		const created = await createProgramme(db, {
			title: 'Programma Noord',
			region: 'Noord',
			summary: 'Drie bijeenkomsten over samenwerken in de regio.',
			challenge: 'Gemeenten en provincie werken nog te veel langs elkaar heen.',
			networkId: null,
			visibility: 'members',
			cohortSize: 10,
			enrolmentOpen: true,
			provinceCodes: ['NL-GR'],
			themeIds: [],
			createdBy: coordinator.kind === 'member' ? coordinator.userId : null
		});
		if (!created.ok) throw new Error('not created');
		const programme = (await programmeForViewer(db, created.slug, editor))!;
		const own = (await programmeForViewer(db, created.slug, coordinator))!;
		await changeCohortSize(db, {
			programmeId: programme.id,
			cohortSize: 12,
			origin: ORIGIN,
			audit: programmeAudit(
				coordinator,
				own,
				programmeSubject(own),
				'programme.cohort_size_changed'
			)
		});
		expect(await log()).toEqual([]);
		await changeCohortSize(db, {
			programmeId: programme.id,
			cohortSize: 8,
			origin: ORIGIN,
			audit: programmeAudit(
				editor,
				programme,
				programmeSubject(programme),
				'programme.cohort_size_changed',
				{
					from: 12,
					to: 8
				}
			)
		});
		expect(await log()).toEqual([
			{
				actor: editorUser.id,
				action: 'programme.cohort_size_changed',
				subject: `programme ${programme.id}`,
				details: { name: 'Programma Noord', from: 12, to: 8 }
			}
		]);
	});
});
