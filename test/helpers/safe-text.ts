/**
 * Text for the protocol tests (parse-*.ts, rest-client-*.ts): sanitized text as a plain string,
 * and the control characters sanitizing must remove.
 */

/** A SafeText (or an absent one) as a plain string, to compare with literals. */
export const plain = (text: string | undefined): string | undefined => text;

export const forbiddenControl = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
export const ESC = '\u001B';
