import http from 'node:http';

/** One request a webhook receiver got: headers (lower-case names) and the raw body. */
export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A tiny HTTP endpoint on 127.0.0.1 that records every POST, for webhook journeys. */
export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The next `count` requests are answered 503 (to make a delivery fail), then 200 again. */
  failNext(count: number): void;
  /** Resolves with the first request received that `matches`, or rejects after `timeoutMs`. */
  waitFor(matches: (request: ReceivedWebhook) => boolean, timeoutMs?: number): Promise<ReceivedWebhook>;
  close(): Promise<void>;
}

/** Starts a receiver on a free port of 127.0.0.1; `path` is where it expects events. */
export async function startWebhookReceiver(path = '/hooks/cycle'): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let failures = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (request.url !== path) {
        response.writeHead(404).end('no such hook');
      } else if (failures > 0) {
        failures -= 1;
        response.writeHead(503).end('try later');
      } else {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    failNext(count) {
      failures = count;
    },
    async waitFor(matches, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = received.find(matches);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(
        `the webhook receiver got no matching request in ${timeoutMs} ms (${received.length} in all)`,
      );
    },
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
