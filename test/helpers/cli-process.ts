import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cliPath = path.join(repositoryRoot, 'bin/cycle.js');

/** Environment for a child Cycle process: this one's, minus DATABASE_URL unless given. */
export function childEnvironment(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: undefined, LOG_LEVEL: 'warn', ...overrides };
  for (const key of Object.keys(environment)) if (environment[key] === undefined) delete environment[key];
  return environment;
}

/** Runs `cycle <args>` to completion and returns its exit code and output. */
export function runCli(
  args: string[],
  environment: NodeJS.ProcessEnv,
  options: { input?: string } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: repositoryRoot, env: environment });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

const startedServers = new Set<ChildProcess>();

/** Starts `cycle start` and resolves once it has printed all its start-up lines (the last is "API docs: …"). */
export function startCycleServer(environment: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    // Started the way `npm start` starts it.
    const child = spawn(process.execPath, ['--max-semi-space-size=64', cliPath, 'start'], {
      cwd: repositoryRoot,
      env: environment,
    });
    startedServers.add(child);
    child.once('exit', () => startedServers.delete(child));
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/Cycle is running at (http:\/\/\S+)/);
      if (match && /API docs: /.test(output)) resolve({ child, url: match[1]!, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`cycle start exited with ${code}:\n${output}`)));
  });
}

/** SIGKILLs every server started by startCycleServer that is still running (test clean-up). */
export function killStartedServers(): void {
  for (const child of startedServers) child.kill('SIGKILL');
  startedServers.clear();
}

/** Resolves with the exit code once the process has exited. */
export function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
