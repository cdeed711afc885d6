// The words of every message a submission produces (notifications, questions, the panel's prose)
// for both APIs against every answer the sandbox gives: each failure leads with what it means for
// the order, and no message doubles a full stop or a bracket ("successfully., order",
// "(HTTP 500).)").
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { comodoAutoApplySsl } from '../../../common/src/catalogue';
import { outcomeOf } from '../../../common/src/protocol';
import { Bed, comodoOrder, ssl2buyOrder } from './harness';

/** What reads wrong in `text`: doubled stops, a stop before a comma, doubled or nested brackets. */
export function punctuationProblems(text: string): string[] {
  const problems: string[] = [];
  for (const [what, re] of [
    ['doubled full stop', /[.!?]\s*\.(?!\.)/],
    ['full stop before a comma', /[.!?],/],
    ['doubled opening bracket', /\(\s*\(/],
    ['doubled closing bracket', /\)\s*\)/],
    ['empty brackets', /\(\s*\)/],
    ['two bracket groups in a row', /\)\s*\(/],
  ] as const) {
    const m = re.exec(text);
    if (m) problems.push(`${what} at "${text.slice(Math.max(0, m.index - 30), m.index + 10)}"`);
  }
  let depth = 0;
  for (const [i, c] of [...text].entries()) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (depth > 1) {
      problems.push(`brackets inside brackets at "${text.slice(Math.max(0, i - 40), i + 10)}"`);
      break;
    }
  }
  return problems;
}

/** The panel's prose: no script, style, raw bodies or values (they are data, not our words). */
function panelProse(html: string): string[] {
  const body = html
    .replace(/<(script|style|pre|code)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<title>[\s\S]*?<\/title>/, ' ');
  return body
    .split(/<\/?(?:p|h1|h2|h3|th|td|tr|section|table|span|li|button|summary|details)\b[^>]*>/)
    .map((s) =>
      s
        .replace(/<[^>]+>/g, ' ')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((s) => s !== '');
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const LEAD: Record<string, RegExp> = {
  success: /^Placed/,
  error: /^Refused by the CA: /,
  unexpected: /^May have been placed: check Show Order History and your .+ account before sending it again\./,
  'maybe-placed':
    /^May have been placed: check Show Order History and your .+ account before sending it again\./,
  'not-sent': /^Not placed: /,
};

describe('messages: what it means for the order first, and clean punctuation', () => {
  const bed = new Bed();
  const files = { comodo: '', ssl2buy: '' };
  const seen: { scenario: string; text: string }[] = [];
  before(async () => {
    await bed.start();
    bed.settings.http.responseTimeoutMs = 1000;
    await bed.copyFixture('www.example.com.csr');
    await bed.copyFixture('smime.csr');
    files.comodo = await bed.writeOrder('c.order.json', comodoOrder());
    files.ssl2buy = await bed.writeOrder('s.order.json', ssl2buyOrder());
  });
  after(() => bed.stop());

  const comodoErrors = comodoAutoApplySsl.statusCodes.filter((s) => !s.success).map((s) => `code=${s.code}`);
  const scenarios: Record<'comodo' | 'ssl2buy', string[]> = {
    comodo: ['', ...comodoErrors, 'code=1'],
    ssl2buy: ['', 'code=-1'],
  };
  const faults = [
    'status=500',
    'status=404',
    'html',
    'malformed',
    'empty',
    'truncate',
    'unknown-status',
    'content-type=text/html',
    'reset',
    'partial',
    'big=2000000',
    'delay=3000',
  ];

  for (const vendor of ['comodo', 'ssl2buy'] as const) {
    for (const fault of [...scenarios[vendor], ...faults])
      for (const environment of ['demo', 'production'] as const) {
        it(`${vendor} ${environment} ${fault || 'documented success'}`, async () => {
          bed.answers.duplicate = true;
          if (fault) bed.fault(vendor, fault);
          else
            bed.pointAt(
              vendor,
              bed.sandbox.urls[
                vendor === 'comodo' ? 'comodo-autoapplyssl' : 'ssl2buy-sectigo-pac-enterprise'
              ],
            );
          const from = bed.ui.length;
          const result = await bed.submit(files[vendor], environment);
          assert.equal(result.status, 'sent', JSON.stringify(result));
          if (result.status !== 'sent') return;
          const outcome = outcomeOf(result.record);
          const last = bed.ui.at(-1)?.message ?? '';
          assert.match(last, LEAD[outcome], `${outcome}: ${last}`);
          const texts = [
            ...bed.ui.slice(from).flatMap((u) => [u.message, ...(u.detail ? [u.detail] : [])]),
            ...panelProse(bed.shown.at(-1)?.html ?? ''),
          ];
          for (const text of texts) {
            seen.push({ scenario: `${vendor} ${environment} ${fault}`, text });
            assert.deepEqual(punctuationProblems(text), [], text);
          }
        });
      }

    it(`${vendor}: connection refused`, async () => {
      const port = await closedPort();
      bed.settings.apis[vendor].demoUrl = `http://127.0.0.1:${port}/x`;
      const result = await bed.submit(files[vendor], 'demo');
      assert.ok(result.status === 'sent');
      const last = bed.ui.at(-1)?.message ?? '';
      assert.match(last, LEAD['not-sent'], last);
      assert.deepEqual(punctuationProblems(last), [], last);
      for (const text of panelProse(bed.shown.at(-1)?.html ?? ''))
        assert.deepEqual(punctuationProblems(text), [], text);
    });
  }

  it('the checker finds what it is for (so a clean run means something)', () => {
    assert.notDeepEqual(punctuationProblems('Method is executed successfully., order number 1'), []);
    assert.notDeepEqual(
      punctuationProblems('unexpected response (The response is text/html (HTTP 500).)'),
      [],
    );
    assert.notDeepEqual(punctuationProblems('Done..'), []);
    assert.deepEqual(
      punctuationProblems('Placed: order number 1 with X (demo). The CA answered 0: Successful.'),
      [],
    );
    if (process.env.SHOW_SEEN) for (const s of seen) console.log(`${s.scenario} | ${s.text}`);
    assert.ok(seen.length > 100, `${seen.length} messages scanned`);
  });
});
