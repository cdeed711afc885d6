// Entry point of the language server: chooses the transport and starts. All logic lives in
// the service (server/src/service), which knows nothing of the connection.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './serverMain';

startServer(createConnection(ProposedFeatures.all));
