import type { DB } from '../db';
import { eventJobHandlers } from '../features/events/jobs';
import type { Config } from './config';
import { startWorker, type Worker } from './jobs';
import { type Logger, logger as rootLogger } from './logger';
import { createMailTransport, mailFrom, mailHandlers } from './mail';

/**
 * The background worker with every job handler the app has. The app calls it in-process by
 * default; `npm run worker` runs it as a separate process instead. Any number may run at once.
 */
export function startBackgroundWorker(
	db: DB,
	config: Pick<Config, 'smtpUrl' | 'origin'>,
	options: { pollMs?: number; workerId?: string; log?: Logger } = {}
): Worker {
	const log = options.log ?? rootLogger;
	const transport = createMailTransport(config.smtpUrl);
	const worker = startWorker(
		db,
		{
			...mailHandlers(db, transport, { from: mailFrom(config.origin) }),
			...eventJobHandlers(db, { origin: config.origin })
		},
		{ pollMs: options.pollMs ?? 1000, workerId: options.workerId, log }
	);
	log.info(
		{ workerId: worker.workerId, mail: transport ? 'smtp' : 'outbox' },
		'background worker started'
	);
	return {
		workerId: worker.workerId,
		async stop() {
			await worker.stop();
			transport?.close();
			log.info({ workerId: worker.workerId }, 'background worker stopped');
		}
	};
}
