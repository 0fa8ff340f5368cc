import type { ChildProcess } from 'node:child_process';
import net from 'node:net';

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** Collects a child's output, so a failed start can show what the server said. */
export function captureOutput(child: ChildProcess): () => string {
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	return () => output;
}

export async function waitForHealthy(baseURL: string, child: ChildProcess, seconds = 120) {
	const output = captureOutput(child);
	for (let i = 0; i < seconds * 4; i++) {
		if (child.exitCode !== null) {
			throw new Error(`Server exited with ${child.exitCode}:\n${output()}`);
		}
		try {
			const response = await fetch(`${baseURL}/healthz`);
			if (response.ok) return output;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`Server not healthy after ${seconds} s:\n${output()}`);
}

/** SIGTERM, and the exit code it stopped with (SIGKILL after ten seconds). */
export function stopProcess(child: ChildProcess): Promise<number | null> {
	if (child.exitCode !== null) return Promise.resolve(child.exitCode);
	return new Promise((resolve) => {
		const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
		child.once('exit', (code) => {
			clearTimeout(timer);
			resolve(code);
		});
		child.kill('SIGTERM');
	});
}
