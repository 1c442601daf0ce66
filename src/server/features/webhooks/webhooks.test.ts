import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeSurveyResponse } from '../../../../test/helpers/factories';
import { postImport } from '../../../../test/helpers/import-requests';
import {
  request,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../../../../test/helpers/test-server';
import { verifyWebhookSignature } from './webhook-signature';

type Received = {
  headers: http.IncomingHttpHeaders;
  body: string;
  json: { type?: string; text?: string; data?: Record<string, unknown> };
};

/**
 * A real HTTP receiver on 127.0.0.1 that records requests; test events (webhook.test) get the next
 * queued status (200 when none), every other event 200.
 */
async function startReceiver() {
  const received: Received[] = [];
  const statuses: number[] = [];
  const server = http.createServer((incoming, response) => {
    let body = '';
    incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
    incoming.on('end', () => {
      received.push({ headers: incoming.headers, body, json: JSON.parse(body) });
      const status = incoming.headers['cycle-event'] === 'webhook.test' ? statuses.shift() : undefined;
      response.writeHead(status ?? 200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    received,
    statuses,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, what: string): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > 10_000) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Outbound webhooks through HTTP against a real receiver: events, signatures, retries, the log, Slack. */
describe('outbound webhooks', () => {
  let server: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let admin: TestUser;
  let webhookId: string;
  let secret: string;
  const ofType = (type: string) => receiver.received.filter((item) => item.json.type === type);

  beforeAll(async () => {
    server = await startTestServer({ webhooks: { retryBaseMs: 40, maxAttempts: 3, pollMs: 25 } });
    receiver = await startReceiver();
    admin = await server.signIn('admin');
    const created = await request(server, 'POST', '/api/v1/webhooks', {
      as: admin,
      body: {
        url: receiver.url,
        events: [
          'account.stage_changed',
          'account.churned',
          'survey.response_received',
          'import.completed',
          'account.health_band_changed',
        ],
        description: 'CS ops automation',
      },
    });
    expect(created.status).toBe(201);
    webhookId = created.body.id;
    secret = created.body.secret;
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });

  it('refuses a bad URL, an unknown event and an empty event list, naming the field', async () => {
    const cases = [
      { body: { url: 'ftp://example.test/x', events: ['account.churned'] }, field: 'body.url' },
      { body: { url: receiver.url, events: ['account.deleted'] }, field: 'body.events.0' },
      { body: { url: receiver.url, events: [] }, field: 'body.events' },
    ];
    for (const example of cases) {
      const response = await request(server, 'POST', '/api/v1/webhooks', { as: admin, body: example.body });
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe(example.field);
    }
    expect((await request(server, 'GET', '/api/v1/webhooks', { as: admin })).body.items).toHaveLength(1);
  });

  it('sends account.stage_changed and account.churned, signed with the secret, once per change', async () => {
    const manager = await server.signIn('manager');
    const account = await makeAccount(server.database.db, {
      name: 'Initech',
      lifecycleStage: 'Onboarding',
      status: 'active',
    });
    const patched = await request(server, 'PATCH', `/api/v1/accounts/${account.id}`, {
      as: manager,
      body: { lifecycleStage: 'Adoption' },
    });
    expect(patched.status).toBe(200);
    await request(server, 'PATCH', `/api/v1/accounts/${account.id}`, {
      as: manager,
      body: { status: 'churned' },
    });
    const [stage] = await until(
      () => ofType('account.stage_changed'),
      (items) => items.length === 1,
      'stage event',
    );
    const [churn] = await until(
      () => ofType('account.churned'),
      (items) => items.length === 1,
      'churn event',
    );

    expect(stage!.json.data).toMatchObject({
      previousStage: 'Onboarding',
      stage: 'Adoption',
      account: { id: account.id, name: 'Initech' },
    });
    expect(churn!.json.data).toMatchObject({
      previousStatus: 'active',
      account: { id: account.id, status: 'churned' },
    });
    for (const item of [stage!, churn!]) {
      expect(item.headers['cycle-event']).toBe(item.json.type);
      expect(verifyWebhookSignature(secret, String(item.headers['cycle-signature']), item.body)).toBe(true);
      expect(verifyWebhookSignature('whsec_wrong', String(item.headers['cycle-signature']), item.body)).toBe(
        false,
      );
    }
    // A later edit that changes neither sends nothing more.
    await request(server, 'PATCH', `/api/v1/accounts/${account.id}`, {
      as: manager,
      body: { region: 'EMEA' },
    });
    await request(server, 'POST', `/api/v1/webhooks/${webhookId}/test`, { as: admin });
    await until(
      () => ofType('webhook.test'),
      (items) => items.length === 1,
      'test event',
    );
    expect(ofType('account.stage_changed')).toHaveLength(1);
  });

  it('sends survey.response_received and import.completed, whatever wrote them', async () => {
    const account = await makeAccount(server.database.db, { name: 'Hooli' });
    await makeSurveyResponse(server.database.db, account.id, {
      surveyKind: 'nps',
      score: 3,
      comment: 'Too slow',
    });
    const [survey] = await until(
      () => ofType('survey.response_received'),
      (items) => items.length === 1,
      'survey event',
    );
    expect(survey!.json.data).toMatchObject({
      account: { name: 'Hooli' },
      response: { kind: 'nps', score: 3, comment: 'Too slow' },
    });

    const imported = await postImport(
      server,
      admin,
      { kind: 'accounts', source: 'crm' },
      { content: 'external_id,name\nc-1,Pied Piper\nc-2,Aviato\n', name: 'accounts.csv' },
    );
    expect(imported.status).toBe(201);
    const [run] = await until(
      () => ofType('import.completed'),
      (items) => items.length === 1,
      'import event',
    );
    expect(run!.json.data).toMatchObject({
      import: { kind: 'accounts', source: 'crm', inserted: 2, rejected: 0 },
    });
  });

  it('sends account.health_band_changed when a rescore moves the band, not on the first score', async () => {
    const manager = await server.signIn('manager');
    const scorecard = await request(server, 'POST', '/api/v1/health/scorecards', {
      as: manager,
      body: {
        name: 'Fit',
        definition: {
          groups: [],
          measures: [
            {
              id: 'fit',
              name: 'Fit',
              weight: 1,
              input: { kind: 'trait', key: 'fit' },
              windowDays: 30,
              scheme: { kind: 'linear', from: { value: 0, score: 0 }, to: { value: 100, score: 100 } },
              missingData: 'exclude',
            },
          ],
          bands: [
            { name: 'Red', lower: 0, upper: 50 },
            { name: 'Green', lower: 50, upper: 100 },
          ],
        },
      },
    });
    expect(scorecard.status).toBe(201);
    const created = await request(server, 'POST', '/api/v1/accounts', {
      as: manager,
      body: { name: 'Umbrella', traits: { fit: 80 } },
    });
    await request(server, 'PATCH', `/api/v1/accounts/${created.body.id}`, {
      as: manager,
      body: { traits: { fit: 20 } },
    });
    const [moved] = await until(
      () => ofType('account.health_band_changed'),
      (items) => items.length >= 1,
      'band event',
    );
    expect(moved!.json.data).toMatchObject({
      account: { name: 'Umbrella' },
      previousBand: 'Green',
      band: 'Red',
      previousScore: 80,
      score: 20,
    });
    expect(
      ofType('account.health_band_changed').filter(
        (item) => (item.json.data!.account as { name: string }).name === 'Umbrella',
      ),
    ).toHaveLength(1);
  });

  it('retries with backoff until the receiver says 2xx, and logs status and response code', async () => {
    receiver.statuses.push(500, 503);
    const before = ofType('webhook.test').length;
    await request(server, 'POST', `/api/v1/webhooks/${webhookId}/test`, { as: admin });
    await until(
      () => ofType('webhook.test').length,
      (count) => count === before + 3,
      'three attempts',
    );
    const log = await until(
      async () =>
        (await request(server, 'GET', `/api/v1/webhooks/${webhookId}/deliveries?limit=1`, { as: admin })).body
          .items[0],
      (delivery) => delivery.status === 'succeeded',
      'the delivery to succeed',
    );
    expect(log).toMatchObject({
      eventType: 'webhook.test',
      attempts: 3,
      lastStatusCode: 200,
      lastError: null,
    });
    // The same event id on every attempt, so a receiver can drop repeats.
    const attempts = ofType('webhook.test').slice(before);
    expect(new Set(attempts.map((item) => item.headers['cycle-event-id'])).size).toBe(1);
  });

  it('marks a delivery failed after the last attempt, and sends it again on request', async () => {
    receiver.statuses.push(503, 503, 503);
    await request(server, 'POST', `/api/v1/webhooks/${webhookId}/test`, { as: admin });
    const failed = await until(
      async () =>
        (
          await request(server, 'GET', `/api/v1/webhooks/${webhookId}/deliveries?status=failed`, {
            as: admin,
          })
        ).body.items,
      (items) => items.length === 1,
      'the delivery to fail',
    );
    expect(failed[0]).toMatchObject({
      attempts: 3,
      lastStatusCode: 503,
      lastError: 'answered 503',
      nextAttemptAt: null,
    });
    const retried = await request(
      server,
      'POST',
      `/api/v1/webhooks/${webhookId}/deliveries/${failed[0].id}/retry`,
      { as: admin },
    );
    expect(retried.status).toBe(202);
    await until(
      async () =>
        (
          await request(server, 'GET', `/api/v1/webhooks/${webhookId}/deliveries?status=failed`, {
            as: admin,
          })
        ).body.items,
      (items) => items.length === 0,
      'the retried delivery',
    );
    const list = await request(server, 'GET', '/api/v1/webhooks', { as: admin });
    expect(list.body.items[0].recent.failed).toBe(0);
  });

  it('pages the delivery log newest first, and refuses a page start that is not its own', async () => {
    const created = await request(server, 'POST', '/api/v1/webhooks', {
      as: admin,
      body: { url: `${receiver.url}?log=paging`, events: ['account.churned'], description: 'paging' },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    // 60 delivered events, one a minute, and a failed one in the middle of them.
    await server.database.pool.query(
      `INSERT INTO webhook_deliveries (subscription_id, event_type, data, status, attempts, next_attempt_at, created_at, delivered_at)
       SELECT $1, 'account.churned', jsonb_build_object('n', n), CASE WHEN n = 30 THEN 'failed' ELSE 'succeeded' END, 1,
              now(), now() - (60 - n) * interval '1 minute', CASE WHEN n = 30 THEN NULL ELSE now() END
       FROM generate_series(1, 60) n`,
      [id],
    );
    const page = async (query: string) =>
      (await request(server, 'GET', `/api/v1/webhooks/${id}/deliveries?${query}`, { as: admin })).body as {
        items: { id: number; data: { n: number } }[];
        nextBefore: number | null;
      };
    const numbers = (items: { data: { n: number } }[]) => items.map((item) => item.data.n);
    const first = await page('');
    expect(numbers(first.items)).toEqual(Array.from({ length: 50 }, (_, index) => 60 - index));
    expect(first.nextBefore).toBe(first.items[49]!.id);
    const second = await page(`before=${first.nextBefore}`);
    expect(numbers(second.items)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(second.nextBefore).toBeNull();
    const pagesOfTwenty = await page('limit=20&before=' + first.items[19]!.id);
    expect(numbers(pagesOfTwenty.items)).toEqual(Array.from({ length: 20 }, (_, index) => 40 - index));
    expect(numbers((await page('status=failed')).items)).toEqual([30]);
    expect((await page('status=failed')).nextBefore).toBeNull();

    const foreign = (
      await request(server, 'GET', `/api/v1/webhooks/${webhookId}/deliveries?limit=1`, { as: admin })
    ).body.items[0].id as number;
    const refused = await request(server, 'GET', `/api/v1/webhooks/${id}/deliveries?before=${foreign}`, {
      as: admin,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { field: 'querystring.before', message: 'not a delivery of this webhook' },
    ]);
    const malformed = await request(server, 'GET', `/api/v1/webhooks/${id}/deliveries?before=soon`, {
      as: admin,
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].field).toBe('querystring.before');
    await request(server, 'DELETE', `/api/v1/webhooks/${id}`, { as: admin });
  });

  it('sends a Slack-compatible { text } body when the format is slack', async () => {
    const slack = await request(server, 'POST', '/api/v1/webhooks', {
      as: admin,
      body: { url: receiver.url, events: ['account.churned'], format: 'slack' },
    });
    const account = await makeAccount(server.database.db, { name: 'Massive Dynamic', status: 'active' });
    await request(server, 'PATCH', `/api/v1/accounts/${account.id}`, {
      as: await server.signIn('manager'),
      body: { status: 'churned' },
    });
    const texts = await until(
      () => receiver.received.filter((item) => item.json.text !== undefined),
      (items) => items.length === 1,
      'the Slack message',
    );
    expect(texts[0]!.json).toEqual({ text: 'Massive Dynamic churned.' });
    await request(server, 'DELETE', `/api/v1/webhooks/${slack.body.id}`, { as: admin });
  });
});
