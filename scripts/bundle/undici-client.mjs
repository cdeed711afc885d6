// The part of undici the client uses (client/src/http/send.ts: Agent, ProxyAgent, buildConnector,
// request), which the client bundle gets in place of undici's index.js (scripts/build.mjs). The
// index loads fetch, WebSocket, the caches, the mocks and the SOCKS agent too, about 300 KB of
// the bundle that nothing calls. Named ES exports, so that a new import from 'undici' in the
// client that is not listed here fails the build ("No matching export") instead of being undefined.
import Dispatcher from 'undici/lib/dispatcher/dispatcher.js';
import Agent from 'undici/lib/dispatcher/agent.js';
import ProxyAgent from 'undici/lib/dispatcher/proxy-agent.js';
import buildConnector from 'undici/lib/core/connect.js';
import api from 'undici/lib/api/index.js';
import errors from 'undici/lib/core/errors.js';
import util from 'undici/lib/core/util.js';

// As undici's index.js does: request() and the CONNECT that ProxyAgent opens its tunnel with are
// methods of every dispatcher.
Object.assign(Dispatcher.prototype, api);

/**
 * undici's `request(url, opts)` (its index.js `makeDispatcher(api.request)`), except that the
 * dispatcher must be given: the client makes one per order and never uses the global one.
 */
function request(url, opts) {
  if (!url || (typeof url !== 'string' && typeof url !== 'object')) {
    throw new errors.InvalidArgumentError('invalid url');
  }
  if (opts == null || typeof opts !== 'object' || !opts.dispatcher) {
    throw new errors.InvalidArgumentError('opts.dispatcher is required');
  }
  if (opts.path != null)
    throw new errors.InvalidArgumentError('opts.path is not supported: give the whole URL');
  const parsed = util.parseURL(url);
  return api.request.call(opts.dispatcher, {
    ...opts,
    origin: parsed.origin,
    path: parsed.search ? `${parsed.pathname}${parsed.search}` : parsed.pathname,
    method: opts.method || (opts.body ? 'PUT' : 'GET'),
  });
}

export { Agent, buildConnector, Dispatcher, ProxyAgent, request };
