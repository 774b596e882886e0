/** The one escaping module every report format uses for learner text. */
import t from 'tap';
import { escapeControls, escapeLines, escapeMarkdownInline, escapeXmlText, guardCsvCell } from '../../../harness/report/escape.js';

t.test('escapeControls: C0, DEL, C1, line separators and bidi controls become visible escapes; text stays', async (t) => {
  t.equal(escapeControls('\x1b[31mred\x1b[0m'), '\\x1b[31mred\\x1b[0m');
  t.equal(escapeControls('\x1b]8;;http://127.0.0.1/\x07click\x1b]8;;\x07'), '\\x1b]8;;http://127.0.0.1/\\x07click\\x1b]8;;\\x07');
  t.equal(escapeControls('a\nb\rc\td\x00e\x7ff\x9bg\x85h'), 'a\\nb\\rc\\td\\x00e\\x7ff\\x9bg\\x85h');
  t.equal(escapeControls('x\u202ey\u2066z\u2069\u202a\u200f\u061c\u2028\u2029'), 'x\\u202ey\\u2066z\\u2069\\u202a\\u200f\\u061c\\u2028\\u2029');
  t.equal(escapeControls('lone \ud800 surrogate'), 'lone \\ud800 surrogate');
  t.equal(escapeControls('payment-api: promote 1.27.6 to staging, café 😀 \\x1b'), 'payment-api: promote 1.27.6 to staging, café 😀 \\x1b', 'printable text, emoji and a literal backslash are untouched');
  t.same(escapeLines('one\ntwo\x1b\r\nthree'), ['one', 'two\\x1b\\r', 'three']);
});

t.test('escapeMarkdownInline: one line, syntax and pipes escaped', async (t) => {
  t.equal(escapeMarkdownInline('a | b\r\nc\rd'), 'a \\| b\\r\\nc\\rd');
  t.equal(escapeMarkdownInline('<script>`x`'), '\\<script\\>\\`x\\`');
});

t.test('escapeXmlText: nothing XML 1.0 forbids survives; line breaks between lines stay', async (t) => {
  t.equal(escapeXmlText('a\nb\x00c\x1bd\x0be\uffff|\ud800'), 'a\nb\\x00c\\x1bd\\x0be\\uffff|\\ud800');
});

t.test('guardCsvCell: formula starts get an apostrophe, at the start and after every line break', async (t) => {
  t.same(
    ['=1+1', '+x', '-2', '@SUM(A1)', '\tx', '\rx', '\uff1dx', 'ok', 'a-b', ''].map(guardCsvCell),
    ["'=1+1", "'+x", "'-2", "'@SUM(A1)", "'\tx", "'\rx", "'\uff1dx", 'ok', 'a-b', ''],
  );
  t.equal(guardCsvCell('fix\r=HYPERLINK("http://127.0.0.1")'), 'fix\r\'=HYPERLINK("http://127.0.0.1")');
  t.equal(guardCsvCell('fix\r\n@x\n-y\nz'), "fix\r\n'@x\n'-y\nz");
});
