import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type EmbeddedCluster, openEmbeddedCluster } from '../../src/server/db/embedded-cluster';

/** The server address of a connection: null over a Unix socket, the IP over TCP. */
async function serverAddress(connectionString: string): Promise<string | null> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const result = await client.query<{ address: string | null }>(
      'SELECT host(inet_server_addr()) AS address',
    );
    return result.rows[0]!.address;
  } finally {
    await client.end();
  }
}

describe('how Cycle connects to its embedded server', () => {
  const clusters: EmbeddedCluster[] = [];
  const folders: string[] = [];

  async function open(folder: string): Promise<EmbeddedCluster> {
    const cluster = await openEmbeddedCluster(folder, { role: 'cli' });
    clusters.push(cluster);
    return cluster;
  }

  async function folder(...inside: string[]): Promise<string> {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'cycle-socket-'));
    await fs.chmod(root, 0o755);
    folders.push(root);
    let dataDir = root;
    for (const part of inside) {
      dataDir = path.join(dataDir, part);
      await fs.mkdir(dataDir, { mode: 0o755 });
    }
    return dataDir;
  }

  afterAll(async () => {
    for (const cluster of clusters) await cluster.release();
    for (const root of folders) await fs.rm(root, { recursive: true, force: true });
  });

  it('uses the Unix socket in the cluster folder, and still listens on 127.0.0.1', async () => {
    const dataDir = await folder();
    const cluster = await open(dataDir);
    const url = new URL(cluster.connectionString);
    expect(url.searchParams.get('host')).toBe(path.join(dataDir, 'pg'));
    expect(
      await fs.stat(path.join(dataDir, 'pg', `.s.PGSQL.${cluster.port}`)).then((stat) => stat.isSocket()),
    ).toBe(true);
    expect(await serverAddress(cluster.connectionString)).toBeNull();
    url.search = '';
    url.hostname = '127.0.0.1';
    expect(await serverAddress(url.toString())).toBe('127.0.0.1');
  });

  it('connects over TCP when the folder is too long for a socket path', async () => {
    // A socket path is at most 103 bytes; this one would be longer.
    const dataDir = await folder('a-folder-name-long-enough-that-the-socket-path-cannot-fit', 'data');
    expect(Buffer.byteLength(path.join(dataDir, 'pg', '.s.PGSQL.65535'))).toBeGreaterThan(103);
    const cluster = await open(dataDir);
    expect(new URL(cluster.connectionString).hostname).toBe('127.0.0.1');
    expect(new URL(cluster.connectionString).searchParams.get('host')).toBeNull();
    expect(await serverAddress(cluster.connectionString)).toBe('127.0.0.1');
  });
});
