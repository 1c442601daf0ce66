import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  childEnvironment,
  killStartedServers,
  startCycleServer,
  waitForExit,
} from '../../../../test/helpers/cli-process';
import { createTestDatabase } from '../../../../test/helpers/test-database';
import type { Database } from '../../db/database';
import { createWriteKey } from './write-key.service';

const ACCOUNTS = 10;
const USERS_PER_ACCOUNT = 5;
const BATCHES = 80;
const EVENTS_PER_BATCH = 50;
const CLIENTS = 4;
/** The server is SIGKILLed once this many batches were answered, with the other clients mid-request. */
const KILL_AFTER_ANSWERED = 25;

interface Batch {
  messageIds: string[];
  body: string;
}

/** Outcome of one client sending batches: answered 2xx (with the server's counts) or not answered. */
interface Sent {
  batch: Batch;
  answer: { stored: number; duplicates: number } | null;
}

const userOf = (account: number, user: number) => `acc${account}-user${user}`;

function buildBatches(): Batch[] {
  const names = ['Report Viewed', 'Dashboard Opened', 'Invite Sent', 'Export Created'];
  const batches: Batch[] = [];
  for (let batch = 0; batch < BATCHES; batch += 1) {
    const messages = Array.from({ length: EVENTS_PER_BATCH }, (_, index) => {
      const n = batch * EVENTS_PER_BATCH + index;
      return {
        type: 'track',
        messageId: `durability-${n}`,
        userId: userOf(n % ACCOUNTS, Math.floor(n / ACCOUNTS) % USERS_PER_ACCOUNT),
        event: names[n % names.length],
        timestamp: '2026-03-02T10:00:00.000Z',
        properties: { plan: 'pro', page: `/reports/${n % 17}`, durationMs: n % 900 },
      };
    });
    batches.push({
      messageIds: messages.map((message) => message.messageId),
      body: JSON.stringify({ batch: messages, sentAt: '2026-03-02T10:00:00.000Z' }),
    });
  }
  return batches;
}

async function sendBatch(url: string, key: string, batch: Batch): Promise<Sent['answer']> {
  try {
    const response = await fetch(`${url}/v1/batch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
      },
      body: batch.body,
    });
    if (response.status !== 200) return null;
    return (await response.json()) as { stored: number; duplicates: number };
  } catch {
    return null; // connection refused or reset: the server died with the request in flight
  }
}

/**
 * Sends a batch's headers and the first half of its body, and no more: `halfSent` resolves once that
 * half is written to the socket; `answer` is null when the server dies before answering.
 */
function sendHalf(
  url: string,
  key: string,
  batch: Batch,
): { answer: Promise<null>; halfSent: Promise<void> } {
  const body = Buffer.from(batch.body);
  let wrote: () => void = () => {};
  const halfSent = new Promise<void>((resolve) => (wrote = resolve));
  const answer = new Promise<null>((resolve, reject) => {
    const request = http.request(`${url}/v1/batch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': body.length,
        authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
      },
    });
    request.on('response', (response) => reject(new Error(`answered ${response.statusCode} to half a body`)));
    request.on('error', () => resolve(null));
    request.write(body.subarray(0, body.length >> 1), () => wrote());
  });
  return { answer, halfSent };
}

/**
 * Durability of the tracking endpoints through a real `cycle start` process on DATABASE_URL: a
 * batch answered 2xx survives SIGKILL, and re-sending what was not answered completes the set
 * without counting anything twice.
 */
describe('tracking ingestion under SIGKILL', () => {
  let database: Database;
  let dataDir: string;
  let environment: NodeJS.ProcessEnv;
  let key: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cycle-durability-'));
    environment = childEnvironment({
      DATABASE_URL: database.connectionString,
      CYCLE_DATA_DIR: dataDir,
      PORT: '0',
      CYCLE_DEMO: '0',
      CYCLE_SKIP_WEB_BUILD: '1',
      TZ: 'UTC',
    });
    await database.pool.query(
      `INSERT INTO accounts (name, source, external_id)
       SELECT 'Durable ' || n, 'test', 'durable-' || n FROM generate_series(0, $1 - 1) n`,
      [ACCOUNTS],
    );
    key = (await createWriteKey(database.db, { source: 'durability', createdBy: null })).key;
  });
  afterAll(async () => {
    killStartedServers();
    await database.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('keeps every batch answered 2xx exactly once through SIGKILL, and re-sending the rest completes the set', async () => {
    const first = await startCycleServer(environment);
    const groups = {
      batch: Array.from({ length: ACCOUNTS * USERS_PER_ACCOUNT }, (_, index) => ({
        type: 'group',
        messageId: `group-${index}`,
        userId: userOf(index % ACCOUNTS, Math.floor(index / ACCOUNTS)),
        groupId: `durable-${index % ACCOUNTS}`,
      })),
    };
    const grouped = await sendBatch(first.url, key, { messageIds: [], body: JSON.stringify(groups) });
    expect(grouped).toMatchObject({ stored: 0, duplicates: 0 });

    const batches = buildBatches();
    const results: Sent[] = [];
    let next = 0;
    let answered = 0;
    let killing = false;
    let killed = false;
    // The group commit answers concurrent requests together, so at any instant every client may be
    // between requests. One request is certainly in flight: half its body is sent when the server dies.
    const killMidRequest = async () => {
      const cut = batches[next++]!;
      const { answer, halfSent } = sendHalf(first.url, key, cut);
      await halfSent;
      killed = true;
      first.child.kill('SIGKILL');
      results.push({ batch: cut, answer: await answer });
    };
    let killedMidRequest: Promise<void> = Promise.resolve();
    const client = async () => {
      while (!killed && next < batches.length) {
        const batch = batches[next++]!;
        const answer = await sendBatch(first.url, key, batch);
        results.push({ batch, answer });
        if (answer !== null) answered += 1;
        if (answered >= KILL_AFTER_ANSWERED && !killing) {
          killing = true;
          killedMidRequest = killMidRequest();
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    await killedMidRequest;
    await waitForExit(first.child);
    expect(killed).toBe(true);
    // The request cut in half got no answer (and maybe others in flight at the kill).
    expect(results.some((sent) => sent.answer === null)).toBe(true);

    const answeredIds = results
      .filter((sent) => sent.answer !== null)
      .flatMap((sent) => sent.batch.messageIds);
    expect(answeredIds.length).toBeGreaterThanOrEqual(KILL_AFTER_ANSWERED * EVENTS_PER_BATCH);
    // Every answered batch was stored whole by its own request.
    for (const sent of results) if (sent.answer) expect(sent.answer.stored).toBe(EVENTS_PER_BATCH);
    const present = await database.pool.query<{ message_id: string; copies: number }>(
      `SELECT message_id, count(*)::int AS copies FROM usage_events
       WHERE source = 'durability' AND message_id = ANY($1::text[]) GROUP BY message_id`,
      [answeredIds],
    );
    expect(present.rows.length).toBe(answeredIds.length);
    expect(present.rows.filter((row) => row.copies !== 1)).toEqual([]);

    // After a restart, everything not answered (in flight at the kill, or never sent) is sent again.
    const second = await startCycleServer(environment);
    const unanswered = batches.filter(
      (batch) => !results.some((sent) => sent.batch === batch && sent.answer !== null),
    );
    expect(unanswered.length).toBeGreaterThan(0);
    const resent = await Promise.all(unanswered.map((batch) => sendBatch(second.url, key, batch)));
    expect(resent.every((answer) => answer !== null)).toBe(true);
    // A batch is one transaction: an in-flight batch either committed whole (now all duplicates) or not at all.
    for (const answer of resent) expect([0, EVENTS_PER_BATCH]).toContain(answer!.stored);
    second.child.kill('SIGTERM');
    await waitForExit(second.child);

    const total = BATCHES * EVENTS_PER_BATCH;
    const counts = await database.pool.query<{ rows: number; distinct_ids: number; usage: number }>(
      `SELECT (SELECT count(*) FROM usage_events WHERE source = 'durability')::int AS rows,
              (SELECT count(DISTINCT message_id) FROM usage_events WHERE source = 'durability')::int AS distinct_ids,
              (SELECT coalesce(sum(event_count), 0) FROM usage_daily)::int AS usage`,
    );
    expect(counts.rows[0]).toEqual({ rows: total, distinct_ids: total, usage: total });
    const storedOnce =
      results.reduce((sum, sent) => sum + (sent.answer?.stored ?? 0), 0) +
      resent.reduce((sum, answer) => sum + answer!.stored, 0);
    const committedUnanswered = resent.reduce((sum, answer) => sum + answer!.duplicates, 0);
    expect(storedOnce + committedUnanswered).toBe(total);
    const users = await database.pool.query<{ active: number }>(
      'SELECT coalesce(sum(active_users), 0)::int AS active FROM usage_daily',
    );
    expect(users.rows[0]!.active).toBe(ACCOUNTS * USERS_PER_ACCOUNT);
  });
});
