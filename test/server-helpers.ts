/** A server app on a fresh in-memory workspace, for tests that talk to it through app.request(). */
import { applyModelChanges, type EngineBackend } from '../src/engine/index.js';
import { createApp } from '../src/server/index.js';
import { openSqliteStore, type Workspace } from '../src/store/index.js';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  workspace: Workspace;
  logged: string[];
  /** A JSON request; `body` is sent as JSON unless it is a string. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; json: any; response: Response }>;
}

export async function testApp(options: { engine?: EngineBackend; riskWorker?: URL; sensitivityWorker?: URL } = {}): Promise<TestApp> {
  const workspace = await openSqliteStore({ path: ':memory:', apply: applyModelChanges });
  const logged: string[] = [];
  const app = createApp({ workspace, log: (line) => logged.push(line), ...options });
  return {
    app,
    workspace,
    logged,
    async call(method, path, body, headers = {}) {
      const init: RequestInit = { method, headers: { 'content-type': 'application/json', ...headers } };
      if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
      const response = await app.request(path, init);
      const text = await response.clone().text();
      let json: unknown;
      try {
        json = text === '' ? undefined : JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: response.status, json, response };
    },
  };
}
