import type { DB } from '../../db';
import type { JobHandlers } from '../../platform/jobs';
import { REMINDER_JOB, sendReminder } from './mutations';

/** The background jobs of events, for the worker: the reminders. */
export function eventJobHandlers(
	db: DB,
	options: { origin: string; now?: () => Date }
): JobHandlers {
	return {
		[REMINDER_JOB]: async (payload) => {
			const p = payload as { registrationId?: unknown; kind?: unknown } | null;
			if (typeof p?.registrationId !== 'string' || (p.kind !== 'day' && p.kind !== 'hour')) {
				throw new Error('events.reminder job without a registration and kind');
			}
			await sendReminder(db, {
				registrationId: p.registrationId,
				kind: p.kind,
				origin: options.origin,
				now: options.now?.()
			});
		}
	};
}
