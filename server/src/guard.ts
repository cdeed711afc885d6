// Every handler is guarded: bad input gets the handler's empty answer and a line in the server's
// log, never a crash or an error response the client would show.
import type { Connection } from 'vscode-languageserver/node';

export type Guard = <A extends unknown[], R>(
  name: string,
  fallback: R,
  fn: (...args: A) => R | Promise<R>,
) => (...args: A) => Promise<R>;

export function createGuard(connection: Connection): Guard {
  return (name, fallback, fn) =>
    async (...args) => {
      try {
        return await fn(...args);
      } catch (err) {
        connection.console.error(
          `${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
        );
        return fallback;
      }
    };
}
