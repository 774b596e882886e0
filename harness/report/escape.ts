/**
 * Escaping of learner-derived text at the formatting layer. Commit subjects, file names, YAML values and the
 * check messages that quote them can hold any byte: a terminal must never receive a raw ESC (colours, cursor
 * moves, OSC-8 hyperlinks, title changes), a C1 control, a bare CR that overwrites the line, a newline that
 * adds a line of its own, or a bidi override that reorders what is shown. Graders stay unaware: every report
 * format calls one of these when it prints a string.
 */

/**
 * Everything that is shown escaped: C0 controls (tab, CR, LF included), DEL, C1 controls, the Unicode line and
 * paragraph separators, and the bidi marks, embeddings, overrides and isolates (U+061C, U+200E-200F,
 * U+202A-202E, U+2066-2069). Lone surrogates too: they are not text.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const hex = (code: number, width: number): string => code.toString(16).padStart(width, '0');

/** One character as a visible escape: `\t`, `\n`, `\r`, `\x1b`, `\x9b`, `\u202e`. */
export function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named !== undefined) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
}

/**
 * A string fit for one line of a terminal or a table cell: every control, line break and bidi control shown
 * as a visible escape. The output contains only printable characters, and every backslash it adds is followed
 * by a letter (so Markdown shows it as it is).
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, escapeChar);
}

/** Escapes a multi-line text line by line: its own LF line breaks stay, every other control is escaped. */
export function escapeLines(text: string): string[] {
  return text.split('\n').map(escapeControls);
}

/**
 * Characters XML 1.0 does not allow at all (not even as a character reference): C0 controls other than tab,
 * LF and CR, lone surrogates, U+FFFE and U+FFFF.
 */
const XML_ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A text safe in an XML 1.0 document: learner controls escaped visibly, line breaks between lines kept. */
export function escapeXmlText(text: string): string {
  return escapeLines(text).join('\n').replace(XML_ILLEGAL, escapeChar);
}

/** Markdown's inline syntax, escaped with a backslash so a learner's text cannot make links, code or tables. */
const MD_SPECIAL = /[\\`*_{}[\]<>|#]/g;

/**
 * A Markdown table cell or inline text: Markdown syntax escaped (`|` included), then every control escaped,
 * so CR and LF never end a table row and the result is one line.
 */
export function escapeMarkdownInline(text: string): string {
  return escapeControls(text.replace(MD_SPECIAL, (ch) => `\\${ch}`));
}

/** Characters that make a spreadsheet evaluate a cell: = + - @ and their full-width forms (OWASP CSV injection). */
const FORMULA = '=+\\-@\\uff1d\\uff0b\\uff0d\\uff20';
/** A cell starting with a formula character, TAB or CR. */
const FORMULA_START = new RegExp(`^[${FORMULA}\\t\\r]`);
/** A line inside a cell (after CR, LF or CRLF) that starts with a formula character or TAB. */
const FORMULA_LINE = new RegExp(`(\\r\\n|\\r|\\n)(?=[${FORMULA}\\t])`, 'g');

/**
 * A CSV cell guarded against formula injection: a text starting with = + - @ TAB or CR gets a leading `'`, so
 * a spreadsheet shows it rather than evaluating it; so does every line inside the cell, for an importer that
 * splits rows at a bare CR inside quotes. Quoting (commas, quotes, CR, LF) is csv-stringify's.
 */
export function guardCsvCell(text: string): string {
  const lines = text.replace(FORMULA_LINE, "$1'");
  return FORMULA_START.test(lines) ? `'${lines}` : lines;
}
