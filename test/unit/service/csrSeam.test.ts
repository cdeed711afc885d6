// The CSR seam: presence and readability here; the participant gets the text or the bytes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { resolveReference } from '../../../server/src/service/csrFields';
import type { CsrInput } from '../../../server/src/service/types';
import { caretPosition, comodoOrder, makeDocument, service, ssl2buyOrder } from './helpers';

describe('CSR seam', () => {
  it('resolves file: references against the order', () => {
    assert.equal(
      resolveReference('file:///orders/a.order.json', 'www.example.com.csr'),
      'file:///orders/www.example.com.csr',
    );
    assert.equal(
      resolveReference('file:///orders/a.order.json', '../csr/my server#1.csr'),
      'file:///csr/my%20server%231.csr',
    );
    assert.equal(resolveReference('untitled:Untitled-1', 'a.csr'), undefined);
    assert.equal(resolveReference('file:///orders/a.order.json', ''), undefined);
  });

  it("getCsrFileReferences: the order's file: references resolved, nothing read", () => {
    const svc = service({
      readFile: () => Promise.reject(new Error('getCsrFileReferences must not read')),
    });
    const uri = 'file:///o/a.order.json';
    assert.deepEqual(svc.getCsrFileReferences(makeDocument(comodoOrder({ csr: 'file:../c/x.csr' }), uri)), [
      'file:///c/x.csr',
    ]);
    assert.deepEqual(svc.getCsrFileReferences(makeDocument(ssl2buyOrder({ CSR: 'file:y.pem' }), uri)), [
      'file:///o/y.pem',
    ]);
    assert.deepEqual(svc.getCsrFileReferences(makeDocument(comodoOrder(), uri)), []);
    assert.deepEqual(svc.getCsrFileReferences(makeDocument(comodoOrder({ csr: 'file:' }), uri)), []);
    assert.deepEqual(
      svc.getCsrFileReferences(makeDocument(comodoOrder({ csr: 'file:x.csr' }), 'untitled:Untitled-1')),
      [],
    );
  });

  it('reads the referenced file through the injected readFile', async () => {
    const read: string[] = [];
    const svc = service({
      readFile: async (uri) => {
        read.push(uri);
        if (uri.endsWith('missing.csr')) throw Object.assign(new Error('gone'), { code: 'ENOENT' });
        return new TextEncoder().encode('-----BEGIN CERTIFICATE REQUEST-----\n');
      },
    });
    const ok = await svc.doValidation(
      makeDocument(comodoOrder({ csr: 'file:ok.csr' }), 'file:///o/a.order.json'),
    );
    assert.deepEqual(ok, []);
    const bad = await svc.doValidation(
      makeDocument(comodoOrder({ csr: 'file:missing.csr' }), 'file:///o/a.order.json'),
    );
    assert.deepEqual(
      bad.map((d) => [d.code, d.severity]),
      [['csr-file-unreadable', DiagnosticSeverity.Error]],
    );
    assert.match(bad[0].message, /missing\.csr.*no such file/);
    assert.deepEqual(read, ['file:///o/ok.csr', 'file:///o/missing.csr']);
  });

  it('an unsaved order cannot resolve a relative reference', async () => {
    const ds = await service({ readFile: async () => new Uint8Array() }).doValidation(
      makeDocument(comodoOrder({ csr: 'file:a.csr' }), 'untitled:Untitled-1'),
    );
    assert.match(ds[0].message, /saved first/);
  });

  it('calls the participant with the CSR, its range, its source and the order; its problems become diagnostics', async () => {
    const inputs: CsrInput[] = [];
    const svc = service({
      readFile: async () => new Uint8Array([48, 130]),
      csr: {
        validate(input) {
          inputs.push(input);
          return [
            {
              code: 'csr-wildcard-missing',
              severity: DiagnosticSeverity.Error,
              message: 'Comodo would answer -6',
            },
          ];
        },
        hover: (input) => `decoded ${input.source.kind}`,
      },
    });
    const text = comodoOrder({ product: '35,36', servers: 1 });
    const ds = await svc.doValidation(makeDocument(text));
    assert.deepEqual(
      ds.map((d) => d.code),
      ['csr-wildcard-missing'],
    );
    const [input] = inputs;
    assert.equal(input.source.kind, 'inline');
    assert.match(input.value, /^-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n/);
    assert.deepEqual(input.order.products, [35, 36]);
    assert.equal(input.order.values.servers, 1);
    assert.equal(input.field.name, 'csr');
    assert.deepEqual(ds[0].range, input.range);
    assert.equal(input.settings.csr.keyPolicy, 'current');

    const file = await svc.doValidation(
      makeDocument(ssl2buyOrder({ CSR: 'file:smime.csr' }), 'file:///o/b.order.json'),
    );
    assert.equal(file.length, 1);
    const source = inputs[1].source;
    assert.ok(source.kind === 'file');
    assert.equal(source.uri, 'file:///o/smime.csr');
    assert.deepEqual([...source.bytes!], [48, 130]);

    const { text: hoverText, position } = caretPosition(ssl2buyOrder({ CSR: 'file:smi|me.csr' }));
    const hover = await svc.doHover(makeDocument(hoverText, 'file:///o/b.order.json'), position);
    // The participant's summary alone: the field's documentation is on the key.
    assert.equal((hover?.contents as { value: string }).value, 'decoded file');
    assert.equal(inputs.length, 2);
  });

  it('a participant that throws costs nothing but its own findings', async () => {
    const svc = service({
      csr: {
        validate: () => {
          throw new Error('boom');
        },
        hover: () => {
          throw new Error('boom');
        },
      },
    });
    assert.deepEqual(
      await svc.doValidation(makeDocument(comodoOrder({ years: 4 }))).then((d) => d.map((x) => x.code)),
      ['value-not-allowed'],
    );
    const { text, position } = caretPosition(comodoOrder({ csr: 'MII|B' }));
    assert.ok(await svc.doHover(makeDocument(text), position));
  });
});
