import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, startTestServer, type TestServer } from '../helpers/test-server';

describe('OpenAPI documentation', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  it('serves an OpenAPI 3 document at /api/docs/json listing every /api route', async () => {
    const response = await request(server, 'GET', '/api/docs/json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    const documented = new Set(
      Object.entries(response.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const routes = server.app.registeredRoutes.filter((route) => route.url.startsWith('/api/v1/'));
    for (const route of routes) expect(documented).toContain(`${route.method} ${route.url}`);
    expect(response.body.paths['/api/v1/accounts'].get.parameters.map((parameter: { name: string }) => parameter.name)).toContain('renewalFrom');
  });

  it('serves the interactive documentation page at /api/docs', async () => {
    const response = await fetch(`${server.baseUrl}/api/docs/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
  });
});
