/**
 * A class roster: CSV with a header line, a `learner` column (the id that names the learner's workspace,
 * handout and result bundle) and optional `name` and `email` columns. Other columns are ignored with a warning
 * (an export from a course system carries more). Parsing is pure; every problem is named by file, line and field,
 * all of them at once, and a roster with any problem starts nobody.
 */
import { stat, readFile } from 'node:fs/promises';
import { LabError } from '../errors.js';
import { LEARNER_ID, LEARNER_ID_RULE } from '../model/class-record.js';

export interface RosterLearner {
  readonly learner: string;
  readonly name?: string;
  readonly email?: string;
  /** The line the learner's row starts on (1-based). */
  readonly line: number;
}

export interface Roster {
  readonly learners: readonly RosterLearner[];
  readonly warnings: readonly string[];
}

/** Larger rosters are refused: a class is tens of learners, not thousands. */
export const MAX_ROSTER_BYTES = 1024 * 1024;
export const MAX_LEARNERS = 500;
const MAX_NAME = 100;
const MAX_EMAIL = 254;
const KNOWN_COLUMNS = ['learner', 'name', 'email'] as const;

/** Control characters and the bidirectional overrides that could make a name print as something else. */
const UNPRINTABLE = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const EMAIL = /^[^\s@<>",;()[\]\\]+@[^\s@<>",;()[\]\\]+\.[^\s@<>",;()[\]\\]+$/;

interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

/** RFC 4180 records: fields split by commas, `"` quotes (a doubled `""` inside), CRLF or LF line ends. */
export function splitCsv(text: string, file: string): { records: CsvRecord[]; problems: string[] } {
  const records: CsvRecord[] = [];
  const problems: string[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    let bad = false;
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        const opened = line;
        i++;
        let closed = false;
        while (i < text.length) {
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (ch === '\n') line++;
          field += ch;
          i++;
        }
        if (!closed) {
          problems.push(`${file}:${opened}: a quoted field is never closed`);
          return { records, problems };
        }
        // After the closing quote: spaces, then a comma or the end of the line.
        while (text[i] === ' ' || text[i] === '\t') i++;
        if (i < text.length && text[i] !== ',' && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) {
          if (!bad) problems.push(`${file}:${line}: text after a closing quote (quote the whole field, and double a quote inside it)`);
          bad = true;
          while (i < text.length && text[i] !== ',' && text[i] !== '\n') i++;
        }
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) {
          if (text[i] === '"' && !bad) {
            problems.push(`${file}:${line}: a quote inside an unquoted field (quote the whole field, and double a quote inside it)`);
            bad = true;
          }
          field += text[i];
          i++;
        }
      }
      fields.push(field.trim());
      if (text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') {
      i++;
      line++;
    }
    if (!bad) records.push({ line: start, fields });
  }
  return { records, problems };
}

const isBlank = (r: CsvRecord): boolean => r.fields.every((f) => f === '');

/** Parses a roster's text; throws INVALID_CONFIG naming every problem by file, line and field. */
export function parseRoster(input: string, file: string): Roster {
  const problems: string[] = [];
  const warnings: string[] = [];
  if (input.includes('\0')) {
    const line = input.slice(0, input.indexOf('\0')).split('\n').length;
    throw rosterError(file, [`${file}:${line}: a NUL byte; a roster is a text (CSV) file`]);
  }
  const text = input.startsWith('\ufeff') ? input.slice(1) : input;
  const split = splitCsv(text, file);
  problems.push(...split.problems);
  const records = split.records.filter((r) => !isBlank(r));
  const header = records[0];
  if (!header) throw rosterError(file, [...problems, `${file}: no header line; the first line names the columns (learner, and optionally name, email)`]);
  const columns = header.fields.map((f) => f.toLowerCase());
  columns.forEach((c, k) => {
    if (c === '') problems.push(`${file}:${header.line}: column ${k + 1} of the header has no name`);
    else if (columns.indexOf(c) !== k) problems.push(`${file}:${header.line}: the column "${c}" is named twice`);
  });
  const unknown = columns.filter((c) => c !== '' && !(KNOWN_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) warnings.push(`${file}:${header.line}: ignoring column(s) ${unknown.map((c) => `"${c}"`).join(', ')} (a roster reads learner, name, email)`);
  const at = (c: (typeof KNOWN_COLUMNS)[number]): number => columns.indexOf(c);
  if (at('learner') < 0) {
    problems.push(`${file}:${header.line}: the header has no "learner" column (it has: ${header.fields.map((f) => `"${f}"`).join(', ') || 'nothing'})`);
    throw rosterError(file, problems);
  }
  const rows = records.slice(1);
  if (rows.length === 0 && problems.length === 0) problems.push(`${file}: no learners; the roster has a header line and no rows`);
  if (rows.length > MAX_LEARNERS) problems.push(`${file}: ${rows.length} learners; a class takes at most ${MAX_LEARNERS}`);
  const learners: RosterLearner[] = [];
  const firstLine = new Map<string, number>();
  for (const row of rows.slice(0, MAX_LEARNERS)) {
    if (row.fields.length !== columns.length) {
      problems.push(`${file}:${row.line}: ${row.fields.length} field(s), the header has ${columns.length}`);
      continue;
    }
    const value = (c: (typeof KNOWN_COLUMNS)[number]): string | undefined => (at(c) < 0 ? undefined : row.fields[at(c)]);
    const where = (field: string): string => `${file}:${row.line}: ${field}`;
    const learner = value('learner')!;
    let ok = true;
    if (learner === '') {
      problems.push(`${where('learner')}: empty; every row needs a learner id`);
      ok = false;
    } else if (!LEARNER_ID.test(learner)) {
      problems.push(`${where('learner')}: ${JSON.stringify(learner)} must be ${LEARNER_ID_RULE}`);
      ok = false;
    } else if (firstLine.has(learner)) {
      problems.push(`${where('learner')}: "${learner}" is already on line ${firstLine.get(learner)}; each learner once`);
      ok = false;
    } else {
      firstLine.set(learner, row.line);
    }
    const name = value('name');
    if (name !== undefined && UNPRINTABLE.test(name)) {
      problems.push(`${where('name')}: ${JSON.stringify(name)} holds control or text-direction characters`);
      ok = false;
    } else if (name !== undefined && name.length > MAX_NAME) {
      problems.push(`${where('name')}: ${name.length} characters; at most ${MAX_NAME}`);
      ok = false;
    }
    const email = value('email');
    if (email !== undefined && email !== '' && (email.length > MAX_EMAIL || !EMAIL.test(email))) {
      problems.push(`${where('email')}: ${JSON.stringify(email.slice(0, 80))} is not an email address (user@host.domain)`);
      ok = false;
    }
    if (!ok) continue;
    learners.push({ learner, ...(name ? { name } : {}), ...(email ? { email } : {}), line: row.line });
  }
  if (problems.length > 0) throw rosterError(file, problems);
  return { learners, warnings };
}

/** The line a problem names (`file:12: ...`), for sorting; a problem of the whole file sorts first. */
const lineOf = (file: string, problem: string): number => Number(/^:(\d+):/.exec(problem.slice(file.length))?.[1] ?? 0);

function rosterError(file: string, unsorted: readonly string[]): LabError {
  const problems = [...unsorted].sort((a, b) => lineOf(file, a) - lineOf(file, b));
  const [first] = problems;
  return new LabError('INVALID_CONFIG', problems.length === 1 ? first! : `${file}: ${problems.length} problems in the roster`, {
    ...(problems.length === 1 ? {} : { details: problems }),
    suggestion: 'fix the roster and run class start again; nothing was started',
  });
}

/** Reads and parses a roster file: a regular file of at most MAX_ROSTER_BYTES, UTF-8. */
export async function readRoster(file: string): Promise<Roster> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    throw new LabError('NOT_FOUND', `${file}: no such roster file`, { cause: error });
  }
  if (!info.isFile()) throw new LabError('INVALID_CONFIG', `${file}: not a regular file; a roster is a CSV file`);
  if (info.size > MAX_ROSTER_BYTES) throw new LabError('INVALID_CONFIG', `${file}: ${info.size} bytes; a roster is at most ${MAX_ROSTER_BYTES}`);
  const bytes = await readFile(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const line = lossy.slice(0, lossy.indexOf('\ufffd')).split('\n').length;
    throw new LabError('INVALID_CONFIG', `${file}:${line}: not UTF-8; save the roster as UTF-8 CSV`);
  }
  return parseRoster(text, file);
}
