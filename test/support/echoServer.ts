// A server that answers SSL2Buy success and echoes the ApiKey it was sent back in every spelling a
// server may use (spellings.ts), in the body and in a header: whatever is written or shown from
// its answer must hold none of them.
import { createServer, type Server } from 'node:http';
import { spellings } from './spellings';

/** A spelling as JSON string content: as it is when JSON allows it, else JSON-escaped. */
function inJson(spelt: string): string {
  try {
    JSON.parse(`"${spelt}"`);
    return spelt;
  } catch {
    return JSON.stringify(spelt).slice(1, -1);
  }
}

export function echoServer(): Server {
  return createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      let key = '';
      try {
        key = String((JSON.parse(body) as { ApiKey?: unknown }).ApiKey ?? '');
      } catch {
        // Not JSON: nothing to echo.
      }
      const echoes = Object.entries(spellings(key)).map(
        ([name, spelt]) => `${JSON.stringify(name)}:"${inJson(spelt)}"`,
      );
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'x-echo': encodeURIComponent(key).toLowerCase(),
      });
      res.end(
        `{"StatusCode":0,"SSL2BuyOrderNumber":"7001","ApprovalEmail":"${inJson(key)}@example.com",` +
          `"Echo":{${echoes.join(',')}}}`,
      );
    });
  });
}
