// `$schema` naming another API's schema than `$api`: other tools would check the file against
// the wrong API. (The server validates by `$api`.)
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { API_KEY, catalogues } from '../../../../../common/src/catalogue';
import { SCHEMA_KEY, schemaFileName } from '../../schema/orderSchema';
import { NO_FINDINGS, type OrderRule } from '../rule';

const SCHEMA_FILES = catalogues.map((api) => ({ api, file: schemaFileName(api) }));

export const schemaMismatch: OrderRule = {
  code: 'schema-mismatch',
  severity: DiagnosticSeverity.Warning,
  check({ model, api }) {
    const node = model.root?.properties.find((p) => p.keyNode.value === SCHEMA_KEY)?.valueNode;
    if (node?.type !== 'string') return NO_FINDINGS;
    const named = SCHEMA_FILES.find((s) => node.value.endsWith(s.file))?.api;
    if (!named || named === api) return NO_FINDINGS;
    const wanted =
      node.value.slice(0, node.value.length - schemaFileName(named).length) + schemaFileName(api);
    const range = model.rangeOf(node);
    return [
      {
        range,
        message: `"${SCHEMA_KEY}" names the schema of ${named.id} but "${API_KEY}" is ${api.id}: other tools would check this order against the wrong API.`,
        fixes: [
          {
            title: `Write "${wanted}"`,
            edits: [{ range, newText: JSON.stringify(wanted) }],
            preferred: true,
          },
        ],
      },
    ];
  },
};
