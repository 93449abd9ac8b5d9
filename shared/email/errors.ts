/** The data given to an email template cannot produce a safe, correct email (e.g. a javascript: link). */
export class InvalidEmailDataError extends Error {
  override name = 'InvalidEmailDataError';
}
