import { LspTestClient, type StartOptions } from './client';

/**
 * Starts a fresh server before each test of the enclosing suite and stops it afterwards, so
 * no test sees another's documents. Returns an accessor for the current client.
 */
export function useServer(options: StartOptions | (() => StartOptions) = {}): () => LspTestClient {
  let client: LspTestClient | undefined;
  beforeEach(async function () {
    this.timeout(15000);
    client = await LspTestClient.start(typeof options === 'function' ? options() : options);
  });
  afterEach(async function () {
    this.timeout(10000);
    try {
      await client?.stop();
    } catch {
      client?.kill();
    }
    client = undefined;
  });
  return () => {
    if (!client) throw new Error('no server running: call inside a test');
    return client;
  };
}
