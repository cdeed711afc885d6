// TLS handshakes that fail, against local TLS servers: each says "Not sent" in words, then the
// technical detail, and the order is not taken for possibly placed. A reset after the handshake
// is still "may have been placed".
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSender, type SendOptions } from '../../../client/src/http/send';
import type { HttpRequestSpec, SendOutcome } from '../../../common/src/protocol';
import { outcomeOf } from '../../../common/src/protocol';
import { Bed, comodoOrder } from './harness';
import {
  alertServer,
  listen,
  makeCertificate,
  resetDuringHandshake,
  tlsServer,
  type Listening,
  type TestCertificate,
} from './tlsServers';

const request = (url: string): HttpRequestSpec => ({
  url,
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: 'loginName=a&loginPassword=b',
});

describe('TLS handshake failures: not sent, in words, then the detail', () => {
  let certificate: TestCertificate;
  let options: SendOptions;
  const servers: Listening[] = [];
  const open = async (l: Promise<Listening>): Promise<Listening> => {
    const s = await l;
    servers.push(s);
    return s;
  };
  before(() => {
    certificate = makeCertificate();
    options = {
      connectTimeoutMs: 5000,
      responseTimeoutMs: 5000,
      maxResponseBytes: 65536,
      ca: certificate.cert,
    };
  });
  after(async () => {
    for (const s of servers) await s.close();
  });

  const sendTo = (url: string): Promise<SendOutcome> => createSender(options)(request(url));

  const assertNotSent = (outcome: SendOutcome, code: RegExp, words: RegExp): void => {
    assert.equal(outcome.kind, 'failure', JSON.stringify(outcome));
    if (outcome.kind !== 'failure') return;
    assert.equal(outcome.failure.kind, 'not-sent', outcome.failure.message);
    assert.match(outcome.failure.code, code);
    assert.match(outcome.failure.message, /^Not sent: the TLS handshake with 127\.0\.0\.1:\d+ failed: /);
    assert.match(outcome.failure.message, words);
    // The words first, the technical detail after.
    const detail = outcome.failure.message.indexOf('Detail:');
    assert.ok(detail > outcome.failure.message.search(words), outcome.failure.message);
  };

  it('a protocol_version alert from the server', async () => {
    const s = await open(listen(alertServer(70)));
    assertNotSent(await sendTo(s.url), /PROTOCOL_VERSION/, /no TLS version in common/);
  });

  it('a real server that speaks only TLS 1.0', async () => {
    const { server } = tlsServer(certificate, {
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1',
      ciphers: 'DEFAULT@SECLEVEL=0',
    });
    const s = await open(listen(server));
    assertNotSent(await sendTo(s.url), /PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL/, /no TLS version in common/);
  });

  it('a handshake_failure alert', async () => {
    const s = await open(listen(alertServer(40)));
    assertNotSent(await sendTo(s.url), /HANDSHAKE_FAILURE/, /refused the handshake/);
  });

  it('a TLS 1.3 server that requires a client certificate: its HTTP side never gets the request', async () => {
    const { server, received } = tlsServer(certificate, { requestCert: true, rejectUnauthorized: true });
    const s = await open(listen(server, received));
    assertNotSent(await sendTo(s.url), /CERTIFICATE_REQUIRED/, /requires a client certificate/);
    assert.equal(s.received(), 0);
  });

  it('a TLS 1.2 server that requires a client certificate', async () => {
    const { server, received } = tlsServer(certificate, {
      requestCert: true,
      rejectUnauthorized: true,
      maxVersion: 'TLSv1.2',
    });
    const s = await open(listen(server, received));
    const outcome = await sendTo(s.url);
    assertNotSent(outcome, /HANDSHAKE_FAILURE|CERTIFICATE/, /refused the handshake|client certificate/);
    assert.equal(s.received(), 0);
  });

  it('a reset during the handshake', async () => {
    const s = await open(listen(resetDuringHandshake()));
    assertNotSent(await sendTo(s.url), /ECONNRESET/, /reset during the TLS handshake/);
  });

  it('a certificate the client does not trust is not sent either', async () => {
    const { server } = tlsServer(certificate, {});
    const s = await open(listen(server));
    const outcome = await createSender({ ...options, ca: makeCertificate().cert })(request(s.url));
    assertNotSent(outcome, /SELF_SIGNED|UNABLE|CERT/, /certificate is not valid for it or not trusted/);
  });

  it('a reset after the handshake, once the request was written, may have placed the order', async () => {
    const { server, received } = tlsServer(certificate, {}, (socket) => socket.destroy());
    const s = await open(listen(server, received));
    const outcome = await sendTo(s.url);
    assert.equal(outcome.kind === 'failure' && outcome.failure.kind, 'maybe-sent', JSON.stringify(outcome));
    assert.ok(s.received() > 0, 'the server got the request');
  });

  it('a server that completes the handshake answers normally', async () => {
    const { server } = tlsServer(certificate, {}, (socket) =>
      socket.end('HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 2\r\n\r\nok'),
    );
    const s = await open(listen(server));
    const outcome = await sendTo(s.url);
    assert.equal(outcome.kind === 'response' && outcome.response.body, 'ok', JSON.stringify(outcome));
  });

  it('through the submission: the message says not sent, nothing ordered, and never "may have been placed"', async () => {
    const bed = new Bed();
    await bed.start();
    try {
      await bed.copyFixture('www.example.com.csr');
      const s = await open(listen(alertServer(40)));
      bed.settings.apis.comodo.productionUrl = s.url;
      bed.sendWrapper = () => createSender(options);
      const file = await bed.writeOrder('tls.order.json', comodoOrder());
      const result = await bed.submit(file, 'production');
      assert.ok(result.status === 'sent');
      if (result.status !== 'sent') return;
      assert.equal(outcomeOf(result.record), 'not-sent');
      const message = bed.ui.at(-1)?.message ?? '';
      assert.match(message, /not sent/i);
      assert.match(message, /refused the handshake/);
      assert.doesNotMatch(message, /may have been placed/);
    } finally {
      await bed.stop();
    }
  });
});
