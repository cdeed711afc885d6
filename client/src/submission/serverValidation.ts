// The submission's error check through the language server: the `certOrder/validateText` request
// for exactly the text about to be sent, given up after a timeout (the server is slow, starting,
// stopped or failed), when the flow falls back to its refusal (production) or a log line (demo).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ValidateTextRequest,
  type ValidateTextDiagnostic,
  type ValidateTextParams,
} from '../../../common/src/lsp/requests';

export function validateWithServer(
  client: () => LanguageClient | undefined,
): (orderFile: string, text: string, timeoutMs: number) => Promise<ValidateTextDiagnostic[] | undefined> {
  return async (orderFile, text, timeoutMs) => {
    const c = client();
    if (!c) return undefined;
    const cancel = new vscode.CancellationTokenSource();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => {
        cancel.cancel();
        resolve(undefined);
      }, timeoutMs);
    });
    const params: ValidateTextParams = {
      uri: c.code2ProtocolConverter.asUri(vscode.Uri.file(orderFile)),
      text,
    };
    const answered = c
      .sendRequest(ValidateTextRequest, params, cancel.token)
      .then((result) => result ?? undefined)
      .catch(() => undefined);
    try {
      return await Promise.race([answered, timedOut]);
    } finally {
      clearTimeout(timer);
      cancel.dispose();
    }
  };
}
