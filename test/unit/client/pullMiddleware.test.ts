// The client's pull middleware (client/src/pullMiddleware.ts): a pull whose token was cancelled
// while the server answered is thrown as a cancellation (the client pulls again) instead of
// reaching vscode-languageclient, which would show its empty stand-in; any other pull passes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CancellationToken } from 'vscode';
import { throwWhenCancelled } from '../../../client/src/pullMiddleware';

class Cancelled extends Error {}

function token(): CancellationToken & { cancel(): void } {
  const t = {
    isCancellationRequested: false,
    onCancellationRequested: () => ({ dispose: () => undefined }),
    cancel: () => void (t.isCancellationRequested = true),
  };
  return t as unknown as CancellationToken & { cancel(): void };
}

describe('pull middleware', () => {
  const middleware = throwWhenCancelled(() => new Cancelled('cancelled'));
  const report = { kind: 'full', items: [] };

  it('passes the report of a pull that was not cancelled, with its arguments', async () => {
    const t = token();
    const seen: unknown[] = [];
    const result = await middleware('doc', 'r1', t, (d, p, k) => {
      seen.push(d, p, k);
      return Promise.resolve(report);
    });
    assert.equal(result, report);
    assert.deepEqual(seen, ['doc', 'r1', t]);
  });

  it('throws a cancellation for a pull cancelled while it ran', async () => {
    const t = token();
    await assert.rejects(
      middleware('doc', undefined, t, () => {
        t.cancel();
        return Promise.resolve(report);
      }),
      Cancelled,
    );
  });

  it('lets the next signature’s own failure through', async () => {
    await assert.rejects(
      middleware('doc', undefined, token(), () => Promise.reject(new Error('boom'))),
      /boom/,
    );
  });
});
