// The one-line message after a submission, by outcome. A lost answer after sending says that the
// order may have been placed, and how to check before sending again.
import { outcomeOf, type SubmissionRecord } from '../../../common/src/protocol';

export interface ResultMessage {
  level: 'info' | 'warning' | 'error';
  text: string;
}

const CHECK_FIRST =
  "Before sending it again, check Show Order History and the reseller's dashboard for the order.";

export function resultMessage(record: SubmissionRecord): ResultMessage {
  const where = `${record.apiTitle} (${record.environment})`;
  const parsed = record.parsed;
  switch (outcomeOf(record)) {
    case 'success':
      return {
        level: 'info',
        text: `${where}: ${parsed?.kind === 'success' ? parsed.statusMeaning : 'Success'}${
          parsed?.kind === 'success' && parsed.orderNumber ? `, order number ${parsed.orderNumber}` : ''
        }.`,
      };
    case 'error':
      return {
        level: 'error',
        text:
          parsed?.kind === 'error'
            ? `${where} answered ${parsed.statusCode}: ${parsed.message}${parsed.fieldError ? ' (marked on the field in the order)' : ''}`
            : `${where} answered with an error.`,
      };
    case 'unexpected':
      return {
        level: 'warning',
        text: `${where}: unexpected response (${parsed?.kind === 'unexpected' ? parsed.reason : 'not documented'}). The raw response is in the panel.${
          record.environment === 'production'
            ? ` The order may or may not have been placed. ${CHECK_FIRST}`
            : ''
        }`,
      };
    case 'not-sent':
      return {
        level: 'error',
        text: `${where}: not sent, nothing was ordered (${record.failure?.message ?? 'connection failed'}).`,
      };
    case 'maybe-placed':
      return {
        level: 'error',
        text: `${where}: no answer from ${record.endpoint} (${record.failure?.message ?? 'connection lost'}). The request was sent, so the order may have been placed. ${CHECK_FIRST}`,
      };
  }
}
