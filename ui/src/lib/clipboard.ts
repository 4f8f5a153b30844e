// Text copied (or cut) from Mend: which text it is, and its SHA-256 digest in
// hex, which the back end keeps so the lock can clear the clipboard if that
// text is still on it. Pure, apart from `sha256Hex` (Web Crypto). The text
// itself is never kept or logged.

/** What a copy needs to know of a text field (an <input> or <textarea>). */
export interface TextFieldLike {
  value: string;
  /** Null for fields without a text selection (number, date, …). */
  selectionStart: number | null;
  selectionEnd: number | null;
  /** The input type; a passphrase field is never copied from. */
  type?: string;
}

/** The selected part of a field's value; "" when nothing is selected or it can't be copied. */
export function fieldSelection(field: TextFieldLike): string {
  if (field.type === "password") return "";
  const { selectionStart: start, selectionEnd: end } = field;
  if (start === null || end === null || end <= start) return "";
  return field.value.slice(start, end);
}

/**
 * The text a copy takes: from the field that has focus when there is one
 * (the page's selection doesn't see inside fields), else the page's selection.
 */
export function copiedText(field: TextFieldLike | null, pageSelection: string | null | undefined): string {
  if (field !== null) return fieldSelection(field);
  return pageSelection ?? "";
}

/** A field's value with its selection taken out, and where the caret goes: what a cut leaves. */
export function withoutSelection(field: TextFieldLike): { value: string; caret: number } {
  const { selectionStart: start, selectionEnd: end } = field;
  if (start === null || end === null || end <= start) return { value: field.value, caret: end ?? field.value.length };
  return { value: field.value.slice(0, start) + field.value.slice(end), caret: start };
}

/** Lower-case hex, two digits a byte. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let hex = "";
  for (const byte of view) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/** SHA-256 of the text's UTF-8 bytes, in hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return toHex(digest);
}
