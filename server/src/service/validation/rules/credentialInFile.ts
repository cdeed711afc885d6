// Secrets (SSL2Buy ApiKey, Comodo loginPassword) never live in an order: they come from VS Code
// SecretStorage at submission, and a value written in the file is not sent.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { removeProperty } from '../../edits';
import { NO_FINDINGS, type OrderRule, type RuleFinding } from '../rule';

export const SET_CREDENTIALS_COMMAND_TITLE = 'Certificate Orders: Set Credentials';

export const credentialInFile: OrderRule = {
  code: 'credential-in-file',
  severity: DiagnosticSeverity.Warning,
  check({ model }) {
    let findings: RuleFinding[] | undefined;
    for (const b of model.bound) {
      if (b.field.credential !== 'secret') continue;
      (findings ??= []).push({
        range: model.rangeOf(b.property.keyNode),
        message:
          `'${b.key}' is a credential: it belongs in VS Code SecretStorage (command "${SET_CREDENTIALS_COMMAND_TITLE}"), not in an order file, ` +
          'and is never sent from the file. Remove it, and keep it out of version control.',
        fixes: [
          {
            title: `Remove '${b.key}' from the order`,
            edits: [removeProperty(model, b.property)],
            preferred: true,
          },
        ],
      });
    }
    return findings ?? NO_FINDINGS;
  },
};
