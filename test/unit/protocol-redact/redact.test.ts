import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { containsSecret, MASK, redactDeep, redactText, secretForms } from '../../../common/src/protocol';

describe('redaction', () => {
  const secret = 'a b&c"d/é';
  it('knows the raw, form, URL and JSON spellings', () => {
    const forms = secretForms(secret);
    assert.ok(forms.includes(secret));
    assert.ok(forms.includes(encodeURIComponent(secret)));
    assert.ok(forms.includes(new URLSearchParams({ s: secret }).toString().slice(2)));
    assert.ok(forms.includes(JSON.stringify(secret).slice(1, -1)));
    assert.deepEqual(secretForms(''), []);
  });
  it('masks every spelling in text and in every string and key of a value', () => {
    const body = `x=${new URLSearchParams({ s: secret }).toString().slice(2)}&j=${JSON.stringify({ k: secret })}`;
    const out = redactText(body, [secret]);
    assert.equal(containsSecret(out, [secret]), false);
    assert.ok(out.includes(MASK));
    const deep = redactDeep({ a: [secret, { [secret]: `pre ${secret}` }], n: 3 }, [secret]);
    assert.equal(containsSecret(JSON.stringify(deep), [secret]), false);
    assert.equal(deep.n, 3);
  });
});
