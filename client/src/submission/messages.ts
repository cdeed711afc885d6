// The message after a submission, by outcome. It leads with what happened to the order, in
// words ("Placed", "Refused by the CA", "Not placed", "May have been placed: check ... before
// sending again"), then the technical detail. Sentences from the vendor document or the sender
// are kept whole and never wrapped in brackets, so no message reads "successfully., order" or
// "(HTTP 500).)".
import { outcomeOf, type SubmissionRecord } from '../../../common/src/protocol';

export interface ResultMessage {
  level: 'info' | 'warning' | 'error';
  text: string;
}

/** `text` as a sentence: trimmed, ending with its own full stop, "!" or "?", else one added. */
export function asSentence(text: string): string {
  const t = text.trim().replace(/[\s,;:]+$/, '');
  if (t === '') return '';
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** Sentences joined by one space, empty ones left out. */
export function sentences(...parts: (string | undefined)[]): string {
  return parts
    .map((p) => asSentence(p ?? ''))
    .filter((p) => p !== '')
    .join(' ');
}

/** What to do before sending again when the order's fate is unknown. */
export function checkBeforeSendingAgain(apiTitle: string): string {
  return `May have been placed: check Show Order History and your ${apiTitle} account before sending it again`;
}

export function resultMessage(record: SubmissionRecord): ResultMessage {
  // The title may hold brackets itself ("... (S/MIME)"): never put it in brackets.
  const api = record.apiTitle;
  const env = record.environment;
  const parsed = record.parsed;
  switch (outcomeOf(record)) {
    case 'success': {
      const number = parsed?.kind === 'success' ? parsed.orderNumber : undefined;
      return {
        level: 'info',
        text: sentences(
          `Placed in ${env} with ${api}${number ? `: order number ${number}` : ''}`,
          parsed?.kind === 'success' ? `The CA answered ${parsed.statusCode}: ${parsed.statusMeaning}` : '',
        ),
      };
    }
    case 'error':
      return {
        level: 'error',
        text:
          parsed?.kind === 'error'
            ? sentences(
                `Refused by the CA: ${parsed.message}`,
                `${api} answered status ${parsed.statusCode} in ${env}`,
                parsed.fieldError ? 'The field is marked in the order' : '',
              )
            : sentences(`Refused by the CA: ${api} answered with an error in ${env}`),
      };
    case 'unexpected':
      return {
        level: 'warning',
        text: sentences(
          checkBeforeSendingAgain(record.apiTitle),
          `The answer of ${api} in ${env} is not one its document describes: ${
            parsed?.kind === 'unexpected' ? parsed.reason : 'no documented status'
          }`,
          'The raw answer is in the panel',
        ),
      };
    case 'not-sent':
      return {
        level: 'error',
        text: sentences(
          `Not placed: nothing reached ${api} in ${env}`,
          record.failure?.message ?? 'The connection failed',
        ),
      };
    case 'maybe-placed':
      return {
        level: 'error',
        text: sentences(
          checkBeforeSendingAgain(record.apiTitle),
          `The request was sent to ${record.endpoint}, and no whole answer came back: ${
            record.failure?.message ?? 'the connection was lost'
          }`,
        ),
      };
  }
}
