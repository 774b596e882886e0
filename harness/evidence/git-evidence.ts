/** Git evidence from the lab repository: the learner's pushed tracked branch against the hand-over commit. */
import { git, gitOut } from '../git/git.js';
import { branchHeads } from '../git/lab-repo.js';
import { readPushLog } from '../git/push-log.js';
import type { CommitInfo, FileChange, GitEvidence, GitHistory, HistoryCommit, ParsedFile, TreeSnapshot } from '../model/evidence.js';
import { FILE_LIMITS, parseYamlBounded, YamlBudget } from '../yaml/bounded.js';

const STATUS: Readonly<Record<string, FileChange['status']>> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'type-changed',
};

/** Parses `--name-status -z` output: status NUL path [NUL newpath]. */
export function parseNameStatus(out: string): FileChange[] {
  const parts = out.split('\0').filter((p) => p.length > 0);
  const changes: FileChange[] = [];
  for (let i = 0; i < parts.length; ) {
    const code = parts[i++]!.trim();
    const status = STATUS[code[0] ?? ''] ?? 'modified';
    if (status === 'renamed' || status === 'copied') {
      const oldPath = parts[i++]!;
      const path = parts[i++]!;
      changes.push({ status, path, oldPath });
    } else {
      changes.push({ status, path: parts[i++]! });
    }
  }
  return changes;
}

/** A commit id as git prints it (SHA-1 or SHA-256). */
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * The commits of `from..to`, oldest first. No learner byte can act as a separator: the ids come from
 * `git rev-list` (hex, one a line), each commit object is read whole by its size from one `git cat-file
 * --batch` and parsed here, and the file changes come from NUL-terminated `git diff-tree -z --stdin`.
 */
export async function readCommits(bareDir: string, from: string, to: string): Promise<CommitInfo[]> {
  const shas = (await git(bareDir, ['rev-list', '--reverse', `${from}..${to}`])).stdout.split('\n').filter((l) => l.length > 0);
  for (const sha of shas) if (!SHA.test(sha)) throw new Error(`git rev-list printed "${sha}", not a commit id`);
  if (shas.length === 0) return [];
  const input = shas.join('\n') + '\n';
  const [objects, changes] = await Promise.all([
    git(bareDir, ['cat-file', '--batch'], { input, binary: true }),
    git(bareDir, ['diff-tree', '-z', '-r', '-M', '--name-status', '--root', '--always', '--stdin'], { input, binary: true }),
  ]);
  const raw = readBatch(Buffer.from(objects.stdoutBytes ?? new Uint8Array()));
  const files = splitDiffTree(Buffer.from(changes.stdoutBytes ?? new Uint8Array()).toString('utf8'), shas);
  return shas.map((sha) => {
    const object = raw.get(sha);
    if (!object || object.type !== 'commit') throw new Error(`git cat-file did not return commit ${sha}`);
    return { sha, ...parseCommitObject(object.content.toString('utf8')), files: files.get(sha) ?? [] };
  });
}

/** Most commits at or before hand-over recorded in `history` (the bank's seeds have fewer than ten). */
export const MAX_HISTORY_COMMITS = 100;
/** Most file entries recorded across `history` (a root commit lists every file of its tree). */
export const MAX_HISTORY_FILES = 5000;

const ZERO_ID = /^0+$/;

/**
 * The tracked branch's commits at and before the seed, newest first, along first parents, each with the blob
 * every file it changed was left at: `git diff-tree -r --raw --no-renames` of each commit against its first
 * parent only (a root commit: all of its files). Bounded: at most MAX_HISTORY_COMMITS commits and
 * MAX_HISTORY_FILES file entries; when older commits are left out, `complete` is false. The seed's history is
 * the harness's own (the learner's commits come after it), so it is trusted for what it says, and read the way
 * readCommits reads the learner's: ids from rev-list, objects by size, NUL-terminated changes.
 */
export async function readHistory(bareDir: string, seedSha: string): Promise<GitHistory> {
  const lines = (await git(bareDir, ['rev-list', '--first-parent', '--parents', `--max-count=${MAX_HISTORY_COMMITS + 1}`, seedSha])).stdout
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => l.split(' '));
  for (const ids of lines) for (const id of ids) if (!SHA.test(id)) throw new Error(`git rev-list printed "${id}", not a commit id`);
  const listed = lines.slice(0, MAX_HISTORY_COMMITS);
  if (listed.length === 0) return { commits: [], complete: false };
  const shas = listed.map((ids) => ids[0]!);
  // One line per commit: the commit and its first parent, so a merge is compared with the line it continues.
  const input = listed.map((ids) => ids.slice(0, 2).join(' ')).join('\n') + '\n';
  const [objects, changes] = await Promise.all([
    git(bareDir, ['cat-file', '--batch'], { input: shas.join('\n') + '\n', binary: true }),
    git(bareDir, ['diff-tree', '-z', '-r', '--raw', '--no-renames', '--no-abbrev', '--root', '--always', '--stdin'], { input, binary: true }),
  ]);
  const raw = readBatch(Buffer.from(objects.stdoutBytes ?? new Uint8Array()));
  const files = splitRawDiffTree(Buffer.from(changes.stdoutBytes ?? new Uint8Array()).toString('utf8'), shas);
  const commits: HistoryCommit[] = [];
  let entries = 0;
  for (const sha of shas) {
    const object = raw.get(sha);
    if (!object || object.type !== 'commit') throw new Error(`git cat-file did not return commit ${sha}`);
    const changed = files.get(sha) ?? [];
    entries += changed.length;
    if (entries > MAX_HISTORY_FILES) return { commits, complete: false };
    commits.push({ sha, subject: parseCommitObject(object.content.toString('utf8')).subject, files: changed });
  }
  // Complete when the oldest listed commit has no parent (rev-list printed its id alone).
  return { commits, complete: lines.length <= MAX_HISTORY_COMMITS && listed.at(-1)!.length === 1 };
}

/**
 * Splits `git diff-tree -z -r --raw --no-renames --always --stdin` output (`<id>\0` then
 * `:<mode> <mode> <blob> <blob> <status>\0<path>\0` per change) by commit: a token where an entry is expected
 * is either an entry (it starts with `:`) or the next commit's id; a path always follows its entry, so a file
 * named like a commit id is a path.
 */
export function splitRawDiffTree(out: string, shas: readonly string[]): Map<string, HistoryCommit['files']> {
  const tokens = out.split('\0');
  if (tokens.at(-1) === '') tokens.pop();
  const byCommit = new Map<string, HistoryCommit['files']>();
  let next = 0;
  let current: HistoryCommit['files'] | undefined;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    if (token.startsWith(':') && current && i + 1 < tokens.length) {
      const blob = token.split(' ')[3] ?? '';
      const path = tokens[i + 1]!;
      current.push(ZERO_ID.test(blob) ? { path } : { path, blob });
      i += 2;
      continue;
    }
    if (next < shas.length && token === shas[next]) {
      current = [];
      byCommit.set(shas[next++]!, current);
      i++;
      continue;
    }
    throw new Error(`unexpected "${token.slice(0, 60)}" in git diff-tree output`);
  }
  return byCommit;
}

/** `git cat-file --batch` output: `<id> <type> <size>\n<content>\n` per object, by size, never by content. */
function readBatch(buf: Buffer): Map<string, { type: string; content: Buffer }> {
  const out = new Map<string, { type: string; content: Buffer }>();
  let off = 0;
  while (off < buf.length) {
    const nl = buf.indexOf(0x0a, off);
    if (nl < 0) break;
    const [id = '', type = '', size = ''] = buf.subarray(off, nl).toString('latin1').split(' ');
    if (type === 'missing' || !/^\d+$/.test(size)) {
      off = nl + 1;
      continue;
    }
    const n = Number(size);
    out.set(id, { type, content: buf.subarray(nl + 1, nl + 1 + n) });
    off = nl + 1 + n + 1;
  }
  return out;
}

/**
 * Splits `git diff-tree -z --always --stdin` output (`<id>\0` then `<status>\0<path>\0[<path>\0]` per change)
 * by commit. A token where a status is expected that equals the next commit's id starts that commit; a status
 * is never 40 hex digits, so a file named like a commit id cannot be mistaken for one.
 */
export function splitDiffTree(out: string, shas: readonly string[]): Map<string, FileChange[]> {
  const tokens = out.split('\0');
  if (tokens.at(-1) === '') tokens.pop();
  const byCommit = new Map<string, FileChange[]>();
  let next = 0;
  let current: FileChange[] | undefined;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    if (next < shas.length && token === shas[next]) {
      current = [];
      byCommit.set(shas[next++]!, current);
      i++;
      continue;
    }
    const status = STATUS[token[0] ?? ''];
    if (!current || !status) throw new Error(`unexpected "${token.slice(0, 60)}" in git diff-tree output`);
    if (status === 'renamed' || status === 'copied') {
      current.push({ status, path: tokens[i + 2] ?? '', oldPath: tokens[i + 1] ?? '' });
      i += 3;
    } else {
      current.push({ status, path: tokens[i + 1] ?? '' });
      i += 2;
    }
  }
  return byCommit;
}

/** A line of whitespace only (git's is_blank_line). */
const blank = (line: string): boolean => /^\s*$/.test(line);

/**
 * A raw commit object: headers (continuation lines start with a space), a blank line, the message. The
 * author is the `author` header's `name <email>`; subject and body are split as git's %s and %b do: leading
 * blank lines skipped, the subject is the first paragraph (its lines right-trimmed and joined with a space),
 * the body is what follows the blank lines after it.
 */
export function parseCommitObject(text: string): Pick<CommitInfo, 'parents' | 'author' | 'subject' | 'body'> {
  const end = text.indexOf('\n\n');
  const headerText = end < 0 ? text : text.slice(0, end);
  const message = end < 0 ? '' : text.slice(end + 2);
  const parents: string[] = [];
  let author = '';
  let sawAuthor = false;
  for (const line of headerText.split('\n')) {
    if (line.startsWith(' ')) continue;
    const sp = line.indexOf(' ');
    const key = sp < 0 ? line : line.slice(0, sp);
    const value = sp < 0 ? '' : line.slice(sp + 1);
    if (key === 'parent') parents.push(value);
    else if (key === 'author' && !sawAuthor) {
      sawAuthor = true;
      // `Name <email> <seconds> <zone>`: the identity is everything before the date.
      author = /^(.*) -?\d+ [+-]\d{4}$/.exec(value)?.[1] ?? value;
    }
  }
  const lines = message.split('\n');
  let i = 0;
  while (i < lines.length && blank(lines[i]!)) i++;
  const subject: string[] = [];
  for (; i < lines.length && !blank(lines[i]!); i++) subject.push(lines[i]!.replace(/\s+$/, ''));
  while (i < lines.length && blank(lines[i]!)) i++;
  return { parents, author, subject: subject.join(' '), body: lines.slice(i).join('\n').trim() };
}

const YAML_FILE = /\.(ya?ml)$|(^|\/)Kustomization$/;

/** Shared by the trees of one grade: parsed blobs (seed and head share most) and one YAML budget. */
export interface SnapshotContext {
  readonly cache: Map<string, ParsedFile>;
  readonly budget: YamlBudget;
  /** Bytes charged to `budget` so far (mirrors it, so a blob that cannot fit is not even read). */
  charged: number;
}

export const snapshotContext = (budget = new YamlBudget()): SnapshotContext => ({ cache: new Map(), budget, charged: 0 });

/** Most YAML files read from one tree (the bank's trees hold a few dozen). */
export const MAX_YAML_FILES = 5000;

/** Most bytes read from `git cat-file --batch` in one go. */
const READ_CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * The YAML files of a commit's tree, parsed within FILE_LIMITS and the grade's budget. Sizes come first
 * (`git cat-file --batch-check`): a blob over the per-file limit, or one the budget has no room for, is
 * never read; the rest are read by `git cat-file --batch` in bounded chunks. A file that breaks a bound gets
 * `parseError` naming it.
 */
export async function snapshotTree(bareDir: string, sha: string, context: SnapshotContext = snapshotContext()): Promise<TreeSnapshot> {
  return (await snapshotTrees(bareDir, [sha], context))[0]!;
}

/**
 * Several commits' trees as snapshotTree reads them one after the other (the same blobs charged to the budget
 * in the same order, so the same files come out over it), with their listings read at once and their blobs in
 * one pass.
 */
export async function snapshotTrees(bareDir: string, shas: readonly string[], context: SnapshotContext = snapshotContext()): Promise<TreeSnapshot[]> {
  const listed = await Promise.all(shas.map(async (sha) => ({ sha, ...yamlEntries((await git(bareDir, ['ls-tree', '-r', '-z', sha])).stdout) })));
  const missing = [...new Set(listed.flatMap(({ entries }) => entries.map((e) => e.blob)).filter((b) => SHA.test(b) && !context.cache.has(b)))];
  if (missing.length > 0) await readBlobs(bareDir, missing, context);
  return listed.map(({ sha, entries, overflow, dropped }) => {
    const files: Record<string, ParsedFile> = {};
    for (const e of entries) files[e.path] = context.cache.get(e.blob) ?? { blob: e.blob, parseError: 'the blob could not be read' };
    if (overflow) {
      files[overflow.path] = { blob: overflow.blob, parseError: `the tree holds ${MAX_YAML_FILES + dropped} YAML files, more than the ${MAX_YAML_FILES} gitops-lab reads; ${dropped} (from this one on) were not read` };
    }
    return { sha, files };
  });
}

/** The YAML blobs of an `ls-tree -r -z` listing, the first MAX_YAML_FILES of them, and the first one left out. */
function yamlEntries(ls: string): { entries: { blob: string; path: string }[]; overflow: { blob: string; path: string } | undefined; dropped: number } {
  const entries = ls
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      // `<mode> <type> <id>\t<path>`: the path is everything after the first tab (it may hold tabs itself).
      const tab = line.indexOf('\t');
      const [, type, blob] = line.slice(0, tab).split(' ');
      return { type, blob: blob ?? '', path: line.slice(tab + 1) };
    })
    .filter((e) => e.type === 'blob' && YAML_FILE.test(e.path));
  // A tree of countless tiny files stays a bounded grade: the first MAX_YAML_FILES paths (git's order) are read,
  // and one entry, at the first path left out, says how many were.
  const dropped = entries.length - MAX_YAML_FILES;
  const overflow = dropped > 0 ? entries.splice(MAX_YAML_FILES)[0] : undefined;
  return { entries, overflow, dropped };
}

async function readBlobs(bareDir: string, blobs: readonly string[], context: SnapshotContext): Promise<void> {
  const { cache, budget } = context;
  const checked = (await git(bareDir, ['cat-file', '--batch-check'], { input: blobs.join('\n') + '\n' })).stdout;
  const sizes = new Map<string, number>();
  for (const line of checked.split('\n')) {
    const [id = '', type = '', size = ''] = line.split(' ');
    if (type === 'blob' && /^\d+$/.test(size)) sizes.set(id, Number(size));
  }
  const toRead: string[][] = [[]];
  let chunk = 0;
  let planned = context.charged;
  for (const blob of blobs) {
    const size = sizes.get(blob);
    if (size === undefined) cache.set(blob, { blob, parseError: 'the blob could not be read' });
    else if (size > FILE_LIMITS.maxBytes) cache.set(blob, { blob, parseError: `${size} bytes is larger than the ${FILE_LIMITS.maxBytes}-byte limit for one file` });
    else if (planned + size > budget.totalBytes) cache.set(blob, { blob, parseError: `the repository's YAML passes the ${budget.totalBytes}-byte limit for one grade` });
    else {
      planned += size;
      if (chunk + size > READ_CHUNK_BYTES && toRead.at(-1)!.length > 0) {
        toRead.push([]);
        chunk = 0;
      }
      chunk += size;
      toRead.at(-1)!.push(blob);
    }
  }
  for (const group of toRead) {
    if (group.length === 0) continue;
    const out = await git(bareDir, ['cat-file', '--batch'], { input: group.join('\n') + '\n', binary: true });
    const objects = readBatch(Buffer.from(out.stdoutBytes ?? new Uint8Array()));
    for (const blob of group) {
      const object = objects.get(blob);
      if (!object) {
        cache.set(blob, { blob, parseError: 'the blob could not be read' });
        continue;
      }
      const text = object.content.toString('utf8');
      const over = budget.charge(text);
      if (over) {
        cache.set(blob, { blob, parseError: over });
        continue;
      }
      context.charged += Buffer.byteLength(text, 'utf8');
      cache.set(blob, parseYamlFile(blob, text));
    }
  }
}

/**
 * One learner file, parsed as data within FILE_LIMITS (aliases, cycles, depth, nodes, bytes): a file that
 * breaks a bound or does not parse gets `parseError` naming the bound. The documents are copied through JSON,
 * so what graders see is exactly what evidence.json stores (no shared or cyclic references, no Infinity).
 */
export function parseYamlFile(blob: string, text: string): ParsedFile {
  // The yaml library takes seconds on a nest thousands deep before it gives up: refuse those in one pass first.
  if (nestingEstimate(text, PRESCAN_DEPTH) > PRESCAN_DEPTH) return { blob, parseError: `nested deeper than ${FILE_LIMITS.maxDepth} levels (too deep to parse)` };
  const parsed = parseYamlBounded(text, FILE_LIMITS);
  if (!parsed.ok) {
    // The yaml library reports its own stack overflow on a pathological nest as a parse error: name the bound.
    const overflow = /Maximum call stack size exceeded/.test(parsed.error);
    return { blob, parseError: overflow ? `nested deeper than ${FILE_LIMITS.maxDepth} levels (too deep to parse)` : parsed.error };
  }
  try {
    return { blob, docs: JSON.parse(JSON.stringify(parsed.docs)) as unknown[] };
  } catch (error) {
    return { blob, parseError: `not representable as JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

/**
 * The tracked branch's updates, oldest first, timed by the receiving side's clock: the lab repository's push
 * log (harness/git/push-log.ts). Repositories made before the log existed fall back to the reflog, whose
 * times the pusher can set (GIT_COMMITTER_DATE).
 */
export async function readPushes(bareDir: string, branch: string): Promise<{ sha: string; at: string }[]> {
  const logged = await readPushLog(bareDir, branch);
  if (logged) return logged;
  const r = await git(bareDir, ['reflog', 'show', '--date=unix', '--format=%H %gd', `refs/heads/${branch}`], { allowFailure: true });
  if (r.exitCode !== 0) return [];
  return r.stdout
    .split('\n')
    .map((line) => /^([0-9a-f]{40}) .*@\{(\d+)\}$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ sha: m[1]!, at: new Date(Number(m[2]) * 1000).toISOString() }))
    .reverse();
}

/** Well above FILE_LIMITS.maxDepth (which parseYamlBounded enforces exactly): only pathological nests stop here. */
const PRESCAN_DEPTH = FILE_LIMITS.maxDepth * 4;

/**
 * A linear, generous estimate of a YAML text's nesting (stops counting past `limit`): flow brackets open
 * outside quotes and comments, plus, per line, the block indentation levels open and the compact indicators
 * (`- `, `? `, `: `) the line starts with. It never under-counts a real nest by much; it may over-count
 * brackets inside plain scalars, which is why it is compared with a limit four times the real one.
 */
export function nestingEstimate(text: string, limit: number): number {
  let flow = 0;
  let max = 0;
  let quote: '"' | "'" | undefined;
  const indents: number[] = [];
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (quote === '"' && ch === '\\') i++;
      else if (ch === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = undefined;
      }
      continue;
    }
    if (lineStart) {
      lineStart = false;
      let j = i;
      while (text[j] === ' ') j++;
      const indent = j - i;
      if (flow === 0 && text[j] !== '\n' && text[j] !== '#' && j < text.length) {
        while (indents.length > 0 && indents.at(-1)! > indent) indents.pop();
        if (indents.length === 0 || indents.at(-1)! < indent) indents.push(indent);
        let compact = 0;
        while ((text[j] === '-' || text[j] === '?' || text[j] === ':') && (text[j + 1] === ' ' || text[j + 1] === '\t')) {
          compact++;
          j += 2;
          while (text[j] === ' ' || text[j] === '\t') j++;
        }
        max = Math.max(max, indents.length + compact);
        if (max > limit) return max;
      }
      i = j - 1;
      continue;
    }
    if (ch === '\n') lineStart = true;
    else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl - 1;
    } else if ((ch === '"' || ch === "'") && (i === 0 || /[\s[{,:]/.test(text[i - 1]!))) quote = ch;
    else if (ch === '[' || ch === '{') {
      flow++;
      if (indents.length + flow > limit) return indents.length + flow;
    } else if ((ch === ']' || ch === '}') && flow > 0) flow--;
  }
  return Math.max(max, indents.length + flow);
}

/** The commit to grade under a deadline: the last update of the branch at or before it (else the seed). */
export function lastPushBefore(pushes: readonly { sha: string; at: string }[], deadline: string, seedSha: string): string {
  let sha = seedSha;
  for (const p of pushes) if (p.at <= deadline) sha = p.sha;
  return sha;
}

export interface GitEvidenceInput {
  readonly bareDir: string;
  readonly repoURL: string;
  readonly trackedBranch: string;
  readonly seedSha: string;
  readonly seedBranches: Readonly<Record<string, string>>;
  /** Grade this commit instead of the branch head (exam mode: the last push before the deadline). */
  readonly headSha?: string;
  /** Exam mode: grade the last push at or before this instant. */
  readonly deadline?: string;
}

export async function collectGitEvidence(input: GitEvidenceInput): Promise<GitEvidence> {
  const { bareDir, seedSha } = input;
  const [heads, all] = await Promise.all([branchHeads(bareDir), readPushes(bareDir, input.trackedBranch)]);
  // Only updates after hand-over are the learner's: drop everything up to the last update to the seed.
  const seedAt = all.map((p) => p.sha).lastIndexOf(seedSha);
  const pushes = all.slice(seedAt + 1);
  const headSha =
    input.headSha ?? (input.deadline ? lastPushBefore(pushes, input.deadline, seedSha) : heads[input.trackedBranch] ?? seedSha);
  const containsSeed = git(bareDir, ['merge-base', '--is-ancestor', seedSha, headSha], { allowFailure: true }).then((r) => r.exitCode === 0);
  // Each read is a git process of its own; none waits on another but the commits on the ancestry answer.
  const [headContainsSeed, commits, diff, history, [seed, head]] = await Promise.all([
    containsSeed,
    containsSeed.then(async (contains) => readCommits(bareDir, contains ? seedSha : await gitOut(bareDir, ['merge-base', seedSha, headSha]).catch(() => seedSha), headSha)),
    git(bareDir, ['diff', '--name-status', '-z', '-M', seedSha, headSha]),
    readHistory(bareDir, seedSha),
    // One budget for every YAML file of this grade, seed and head together (the seed's charged first).
    snapshotTrees(bareDir, [seedSha, headSha], snapshotContext(new YamlBudget())) as Promise<[TreeSnapshot, TreeSnapshot]>,
  ]);
  const names = [...new Set([...Object.keys(heads), ...Object.keys(input.seedBranches)])].sort();
  return {
    repoURL: input.repoURL,
    trackedBranch: input.trackedBranch,
    seedSha,
    headSha,
    headContainsSeed,
    commits,
    changes: parseNameStatus(diff.stdout),
    pushes,
    branches: names.map((name) => ({
      name,
      sha: heads[name] ?? '',
      ...(input.seedBranches[name] !== undefined ? { seedSha: input.seedBranches[name] } : {}),
    })),
    seed,
    head,
    history,
  };
}
