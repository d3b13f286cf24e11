/**
 * @jest-environment node
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startTestReceiver, type TestReceiver } from './testReceiver';

const ROOT = path.resolve(__dirname, '../../..');
const ENTRY = path.join(__dirname, 'loadgen.ts');

function waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      const value = check();
      if (value !== undefined) {
        resolve(value);
      } else if (Date.now() > deadline) {
        reject(new Error(`timed out waiting for ${what}`));
      } else {
        setTimeout(poll, 50);
      }
    };
    poll();
  });
}

function run(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  // `node --import tsx` rather than the tsx binary: the binary's relay process gives the child only 30 ms to
  // acknowledge a signal before killing it, which a busy test machine does not always make.
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

describe('loadgen.ts (the command)', () => {
  let receiver: TestReceiver;
  afterEach(() => receiver.close());

  it('exports to the endpoint, survives a 503 and switches incidents over HTTP, then stops on SIGTERM', async () => {
    receiver = await startTestReceiver([{ status: 503, retryAfter: '0' }]);
    const proc = run({
      KOMPAS_OTLP_ENDPOINT: receiver.url,
      KOMPAS_RATE: '200',
      KOMPAS_FLUSH_MS: '200',
      KOMPAS_CONTROL_PORT: '0',
      KOMPAS_CONTROL_HOST: '127.0.0.1',
      KOMPAS_INCIDENTS: 'inventory-errors',
    });
    const controlUrl = await waitFor(
      () => /control at (http:\S+)\/incidents/.exec(proc.output())?.[1],
      'the start line'
    );
    expect(proc.output()).toContain('incidents on: inventory-errors');
    await waitFor(() => (receiver.spans.length > 0 ? true : undefined), 'spans');
    expect(receiver.requests[0].status).toBe(503);
    const listed = await (await fetch(`${controlUrl}/incidents`)).json();
    expect(listed.incidents.filter((i: { active: boolean }) => i.active).map((i: { name: string }) => i.name)).toEqual([
      'inventory-errors',
    ]);
    const switched = await (
      await fetch(`${controlUrl}/incidents/payments-db-locking`, { method: 'POST', body: 'on' })
    ).json();
    expect(switched.active).toBe(true);
    await waitFor(
      () => (receiver.spans.some((s) => s.service === 'inventory' && s.error) ? true : undefined),
      'an inventory error'
    );
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
  }, 30_000);

  it('exits with code 2 and one line naming the variable on bad configuration', async () => {
    receiver = await startTestReceiver();
    const proc = run({ KOMPAS_RATE: 'lots' });
    expect(await proc.exited).toBe(2);
    expect(proc.output()).toBe('loadgen: KOMPAS_RATE: expected requests per second >= 0, got "lots"\n');
  }, 30_000);
});
