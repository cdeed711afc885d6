// Trust granted while the server runs (the client's certOrder/workspaceTrusted notification), apart
// from ./workspace so that the command line, which uses the scope without a connection, does not
// load the protocol library (its notification types) at every start.
import type { Connection } from 'vscode-languageserver/node';
import { WorkspaceTrustedNotification } from '../../common/src/lsp/requests';
import type { WorkspaceScope } from './workspace';

export function followTrust(connection: Connection, scope: WorkspaceScope): void {
  connection.onNotification(WorkspaceTrustedNotification, (p) => scope.setTrusted(p?.trusted === true));
}
