// `npm run sandbox -- --port N [--host H] [--csr-policy current|document] [--quiet]`: the local sandbox of both order APIs.
// Prints "Sandbox listening on http://HOST:PORT" (with --port 0, the port it got) and one line
// per request.
import { DEFAULT_SANDBOX_PORT, startSandbox } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

async function main(): Promise<void> {
  const portText = arg('port') ?? process.env.CERT_ORDER_SANDBOX_PORT ?? String(DEFAULT_SANDBOX_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Not a port: ${portText}`);
    process.exit(2);
  }
  const quiet = process.argv.includes('--quiet');
  const policy = arg('csr-policy') ?? 'current';
  if (policy !== 'current' && policy !== 'document') {
    console.error(`--csr-policy is current or document, not ${policy}`);
    process.exit(2);
  }
  const sandbox = await startSandbox({
    host: arg('host') ?? '127.0.0.1',
    port,
    log: quiet ? undefined : (line) => console.log(line),
    csrPolicy: policy,
  });
  console.log(`Sandbox listening on ${sandbox.origin}`);
  for (const [id, url] of Object.entries(sandbox.urls)) console.log(`  ${id}: ${url}`);
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
