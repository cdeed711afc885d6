// Client commands that the server's hovers link to (`command:` links in trusted Markdown). The
// client enables exactly these for the server's Markdown (client/src/extension.ts), so a link a
// CSR or an order smuggles into a hover cannot run any other command.

/** "Decode CSR": its argument is a DecodeCsrParams (`{ uri, position }`) naming the CSR. */
export const DECODE_CSR_COMMAND = 'certOrder.decodeCsr';

/** Copies its one string argument to the clipboard (the hover's "Copy SHA-256"). */
export const COPY_TEXT_COMMAND = 'certOrder.copyText';

export const HOVER_COMMANDS: readonly string[] = [DECODE_CSR_COMMAND, COPY_TEXT_COMMAND];

/** A Markdown link that runs `command` with `args` (JSON, URI-encoded, as VS Code reads them). */
export function commandLink(title: string, command: string, args: unknown[], tooltip?: string): string {
  const query = encodeURIComponent(JSON.stringify(args));
  return `[${title}](command:${command}?${query}${tooltip ? ` "${tooltip.replace(/"/g, "'")}"` : ''})`;
}
