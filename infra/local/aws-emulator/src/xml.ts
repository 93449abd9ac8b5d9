import { randomUUID } from 'node:crypto';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Makes text safe for XML element content and quoted attribute values (the Query protocol's errors). */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

const SES_XMLNS = 'http://ses.amazonaws.com/doc/2010-12-01/';

/**
 * An error of the AWS Query protocol, the shape SES v1 clients parse. `type` is Sender for the
 * caller's fault (HTTP 4xx) and Receiver for the service's (5xx).
 */
export function queryError(code: string, message: string, type: 'Sender' | 'Receiver' = 'Sender'): string {
  return (
    `<ErrorResponse xmlns="${SES_XMLNS}"><Error><Type>${type}</Type><Code>${escapeXml(code)}</Code>` +
    `<Message>${escapeXml(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`
  );
}
