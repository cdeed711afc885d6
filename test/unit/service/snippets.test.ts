// The snippets: a new order of each API, expanding to an order with every required field.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'jsonc-parser';
import { catalogues } from '../../../common/src/catalogue';
import { requiredInFile } from '../../../server/src/service/schema/orderSchema';
import { ROOT, codes } from './helpers';

interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

// JSON with comments and trailing commas, as VS Code reads snippet files.
const snippets = parse(
  readFileSync(path.join(ROOT, 'snippets', 'cert-order.code-snippets'), 'utf8'),
) as Record<string, Snippet>;

/** What the editor inserts when every placeholder keeps its default (the first choice). */
function expand(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\\$/g, '$');
}

describe('snippets', () => {
  it('offer as choices only the values the vendor document lists for the field', () => {
    for (const snippet of Object.values(snippets)) {
      const api = catalogues.find((a) => expand(snippet.body).includes(`"$api": "${a.id}"`))!;
      for (const line of snippet.body) {
        const choice = /"(\w+)": "?\$\{\d+\|([^|]*)\|\}/.exec(line);
        if (!choice) continue;
        const field = api.fields.find((f) => f.name === choice[1]);
        const listed = new Set<string>();
        for (const v of field?.values ?? []) listed.add(String(v.value));
        for (const value of choice[2].split(','))
          assert.ok(listed.has(value), `${api.id} ${choice[1]}: ${value} is not a documented value`);
      }
    }
  });

  for (const api of catalogues) {
    it(`a new ${api.id} order has every required field and no error`, async () => {
      const snippet = Object.values(snippets).find((s) => expand(s.body).includes(`"$api": "${api.id}"`));
      assert.ok(snippet, `no snippet for ${api.id}`);
      const order = JSON.parse(expand(snippet.body)) as Record<string, Record<string, unknown>>;
      for (const field of requiredInFile(api.fields)) {
        assert.ok(field.name in order, `${field.name} missing`);
        for (const member of requiredInFile(field.fields ?? []))
          assert.ok(member.name in order[field.name], member.name);
      }
      // Empty placeholders are for the user to fill in: a warning each, nothing worse.
      for (const code of await codes(expand(snippet.body))) assert.equal(code, 'required-field-empty');
    });
  }
});
