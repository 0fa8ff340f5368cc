import pino from 'pino';

/** One structured logger per process; requests log through a child carrying their request id. */
export const logger = pino({
	level: process.env.LOG_LEVEL?.trim().toLowerCase() || 'info',
	base: { pid: process.pid },
	timestamp: pino.stdTimeFunctions.isoTime,
	redact: {
		paths: ['req.headers.cookie', 'req.headers.authorization', '*.password'],
		censor: '[verborgen]'
	}
});

export type Logger = typeof logger;
