// Entry point of the language server: chooses the transport and starts. All logic lives in
// the service (server/src/service), which knows nothing of the connection.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './serverMain';

const connection = createConnection(ProposedFeatures.all);
// A stray rejection must not end the server (Node ends the process on one by default).
process.on('unhandledRejection', (reason) =>
  connection.console.error(`unhandled rejection: ${String(reason)}`),
);
startServer(connection);
