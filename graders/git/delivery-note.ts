import { z } from 'zod';
import { BOUNDARIES, Boundary } from '../../harness/model/boundary.js';
import type { CommitInfo, GitHistory, HistoryCommit } from '../../harness/model/evidence.js';
import type { Mismatch } from '../../harness/model/result.js';
import { cannotJudge, defineGrader, fail, pass } from '../grader.js';
import { matcher } from '../lib/globs.js';

/** Where a scenario's delivery note lives on the tracked branch. */
export const notePath = (scenario: string): string => `delivery-notes/${scenario}.yaml`;

/** The free text shown to the instructor is cut to these bounds (the note itself may be up to 1 MiB). */
export const MAX_CAUSE_CHARS = 600;
export const MAX_EVIDENCE_ITEMS = 10;
export const MAX_EVIDENCE_CHARS = 300;
/** Commit subjects quoted in a message are cut to this length. */
const MAX_SUBJECT_CHARS = 72;

/** A file name gitops-lab reads as YAML, so its blob id at the head is in the evidence. */
const YAML_NAME = /\.(ya?ml)$|(^|\/)Kustomization$/;
/** An abbreviated or full commit id. */
const COMMIT_ID = /^[0-9a-f]{7,64}$/;

/** `s` cut to at most `max` UTF-16 units, never in the middle of a surrogate pair, with `…` when cut. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = /[\ud800-\udbff]/.test(s.charAt(max - 1)) ? max - 1 : max;
  return `${s.slice(0, end)}…`;
}

const short = (c: { sha: string; subject: string }): string => `${c.sha.slice(0, 7)} "${cut(c.subject, MAX_SUBJECT_CHARS)}"`;

/** What a YAML value is, in words. */
export function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return 'true or false';
  return typeof v;
}

/** One line of free text for the details: JSON-quoted (a newline cannot add a line), cut to `max`. */
function quoted(v: unknown, max: number): string {
  if (v === undefined) return '(missing)';
  if (typeof v !== 'string') return `(${kindOf(v)}, not text)`;
  return v.length > max ? `${JSON.stringify(cut(v, max))} (${v.length} characters)` : JSON.stringify(v);
}

/** The note's free text, unscored, for the instructor's report: the cause, then each piece of evidence. */
export function freeText(note: Readonly<Record<string, unknown>>): string {
  const lines = [`cause: ${quoted(field(note, 'cause'), MAX_CAUSE_CHARS)}`];
  const evidence = field(note, 'evidence');
  if (!Array.isArray(evidence)) lines.push(`evidence: ${quoted(evidence, MAX_EVIDENCE_CHARS)}`);
  else {
    evidence.slice(0, MAX_EVIDENCE_ITEMS).forEach((e, i) => lines.push(`evidence ${i + 1}: ${quoted(e, MAX_EVIDENCE_CHARS)}`));
    if (evidence.length > MAX_EVIDENCE_ITEMS) lines.push(`evidence: and ${evidence.length - MAX_EVIDENCE_ITEMS} more`);
  }
  return lines.join('\n');
}

/** A field of the note, own properties only. */
const field = (note: Readonly<Record<string, unknown>>, key: string): unknown => (Object.hasOwn(note, key) ? note[key] : undefined);

/** What a path held at the history's commit `index`: its blob id, `absent`, or `unrecorded` (older than the history). */
export function contentAt(history: GitHistory, index: number, path: string): string {
  for (const c of history.commits.slice(index)) {
    const f = c.files.find((x) => x.path === path);
    if (f) return f.blob ?? 'absent';
  }
  return history.complete ? 'absent' : 'unrecorded';
}

interface Problem extends Mismatch {
  /** One sentence for the message. */
  readonly sentence: string;
}

type Resolved<T> = { readonly commit: T } | { readonly problem: Omit<Problem, 'path'> };

/** A note field that must be a commit id: the one commit of `commits` it names, or what is wrong with it. */
function resolveId<T extends { sha: string }>(value: unknown, key: string, commits: readonly T[], everything: readonly { sha: string }[]): Resolved<T> | { readonly id: string } {
  if (value === undefined) return { problem: { got: 'missing', expected: 'a commit id', sentence: `${key} is missing` } };
  if (typeof value === 'number') return { problem: { got: 'a number', expected: 'a commit id in quotes', sentence: `${key} is a number: put the commit id in quotes` } };
  if (typeof value !== 'string') return { problem: { got: kindOf(value), expected: 'a commit id', sentence: `${key} is ${kindOf(value)}, not a commit id` } };
  const id = value.trim().toLowerCase();
  if (!COMMIT_ID.test(id)) {
    return { problem: { got: JSON.stringify(cut(value, 80)), expected: 'a commit id (at least 7 hex digits)', sentence: `${key} is not a commit id (at least 7 hex digits)` } };
  }
  const all = everything.filter((c) => c.sha.startsWith(id));
  if (all.length > 1) return { problem: { got: `${id}, which ${all.length} commits start with`, expected: 'one commit', sentence: `${key} ${id} is ambiguous: write more of the id` } };
  const mine = commits.find((c) => c.sha.startsWith(id));
  return mine ? { commit: mine } : { id };
}

export const deliveryNote = defineGrader({
  name: 'git.delivery-note',
  boundary: 'git',
  summary:
    "The learner's delivery note (`delivery-notes/<scenario>.yaml`) parses and agrees with the evidence: `boundary` is where the incident first failed at hand-over, `fixCommit` is a commit of theirs after hand-over that changes more than the note (a file under `fixIn`, if given), `rollbackRevision` is a commit before it that holds the known-good content of the named paths (and, with `restored`, what the head holds); `cause` and `evidence` are free text, shown to the instructor, unscored.",
  params: z.strictObject({
    /** The boundary the scenario's incident first fails at, at hand-over (the author's reading of it). */
    boundary: Boundary,
    /**
     * The files the incident changed: the rollback revision must hold what they held before the last commit at or
     * before hand-over that changed them (the known-good content). YAML files, so their blobs are recorded.
     */
    paths: z.array(z.string().min(1).regex(YAML_NAME, 'a YAML file (.yaml, .yml or Kustomization)')).min(1),
    /** The fix restores the rollback revision: the head holds exactly what it holds in the named paths. */
    restored: z.boolean().optional(),
    /** Globs: the fix commit changes a file here (absent: any file but the note). */
    fixIn: z.array(z.string().min(1)).min(1).optional(),
  }),
  describe: (p) =>
    `the delivery note names the ${p.boundary} boundary, a fix commit after hand-over${p.fixIn ? ` (changing ${p.fixIn.join(', ')})` : ''} and a rollback revision holding the known-good ${p.paths.join(', ')}${p.restored ? ', as the head does again' : ''}`,
  grade(evidence, params) {
    const { git } = evidence;
    const file = notePath(evidence.meta.scenario);
    const expected = `${file}: boundary ${params.boundary}, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)`;
    const why =
      'A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.';
    const parsed = git.head.files[file];
    if (!parsed) {
      const yml = `delivery-notes/${evidence.meta.scenario}.yml`;
      const elsewhere = git.head.files[yml] ? ` (there is a ${yml}; the note must be named ${file})` : '';
      return fail(`There is no delivery note ${file} on ${git.trackedBranch}${elsewhere}.`, { expected, actual: 'no such file', why });
    }
    if (parsed.parseError !== undefined) return fail(`${file} cannot be read as YAML: ${parsed.parseError}`, { expected, actual: 'unreadable', why });
    const docs = parsed.docs ?? [];
    if (docs.length !== 1) {
      return fail(`${file} holds ${docs.length} YAML documents; a delivery note is one mapping.`, { expected, actual: `${docs.length} documents`, why });
    }
    const doc = docs[0];
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
      return fail(`${file} is ${kindOf(doc)}, not a mapping of the note's fields.`, { expected, actual: kindOf(doc), why });
    }
    const note = doc as Record<string, unknown>;
    const details = freeText(note);
    const problems: Problem[] = [];
    const problem = (key: string, p: Omit<Problem, 'path'>): void => void problems.push({ path: `${file} ${key}`, ...p });

    const boundary = field(note, 'boundary');
    const named = typeof boundary === 'string' ? boundary.trim().toLowerCase() : undefined;
    if (boundary === undefined) problem('boundary', { got: 'missing', expected: params.boundary, sentence: 'boundary is missing' });
    else if (named === undefined) problem('boundary', { got: kindOf(boundary), expected: params.boundary, sentence: `boundary is ${kindOf(boundary)}, not a boundary's name` });
    else if (!(BOUNDARIES as readonly string[]).includes(named)) {
      problem('boundary', { got: JSON.stringify(cut(boundary as string, 40)), expected: params.boundary, sentence: `boundary is not one of ${BOUNDARIES.join(', ')}` });
    } else if (named !== params.boundary) problem('boundary', { got: named, expected: params.boundary, sentence: `boundary ${named} is not where the incident first failed at hand-over` });

    const cause = field(note, 'cause');
    if (typeof cause !== 'string' || cause.trim() === '') {
      problem('cause', { got: cause === undefined ? 'missing' : typeof cause === 'string' ? 'empty' : kindOf(cause), expected: 'text', sentence: 'cause is not a sentence of text' });
    }
    const ev = field(note, 'evidence');
    if (!Array.isArray(ev) || ev.length === 0) {
      problem('evidence', { got: ev === undefined ? 'missing' : Array.isArray(ev) ? 'an empty list' : kindOf(ev), expected: 'a list of text', sentence: 'evidence is not a list of what you looked at' });
    } else {
      const bad = ev.findIndex((e) => typeof e !== 'string' || e.trim() === '');
      if (bad >= 0) problem(`evidence[${bad}]`, { got: typeof ev[bad] === 'string' ? 'empty' : kindOf(ev[bad]), expected: 'text', sentence: `evidence item ${bad + 1} is not text` });
    }

    const inFix = params.fixIn ? matcher(params.fixIn) : () => true;
    const fixes = (path: string): boolean => path !== file && inFix(path);
    const history = git.history;
    const everything: { sha: string }[] = [...git.commits, ...(history?.commits ?? [])];
    const fix = resolveId<CommitInfo>(field(note, 'fixCommit'), 'fixCommit', git.commits, everything);
    let fixCommit: CommitInfo | undefined;
    if ('problem' in fix) problem('fixCommit', fix.problem);
    else if ('id' in fix) {
      const before = history?.commits.find((c) => c.sha.startsWith(fix.id));
      if (before) problem('fixCommit', { got: `${short(before)}, from before hand-over`, expected: 'a commit of yours after hand-over', sentence: `fixCommit names ${short(before)}, a commit from before hand-over, not your fix` });
      else problem('fixCommit', { got: `${fix.id}, no such commit`, expected: `a commit on ${git.trackedBranch} after hand-over`, sentence: `fixCommit ${fix.id} names no commit on ${git.trackedBranch} after hand-over` });
    } else if (!fix.commit.files.some((f) => fixes(f.path) || (f.oldPath !== undefined && fixes(f.oldPath)))) {
      const what = params.fixIn ? `nothing under ${params.fixIn.join(', ')}` : 'no file but the note';
      problem('fixCommit', { got: `${short(fix.commit)}, which changes ${what}`, expected: 'the commit that fixed the incident', sentence: `fixCommit names ${short(fix.commit)}, which changes ${what}` });
    } else fixCommit = fix.commit;

    const rollback = resolveId<HistoryCommit>(field(note, 'rollbackRevision'), 'rollbackRevision', history?.commits ?? [], everything);
    let rollbackCommit: HistoryCommit | undefined;
    let unjudged: string | undefined;
    if ('problem' in rollback) problem('rollbackRevision', rollback.problem);
    else if ('id' in rollback) {
      const after = git.commits.find((c) => c.sha.startsWith(rollback.id));
      if (after) problem('rollbackRevision', { got: `${short(after)}, after hand-over`, expected: 'a known-good commit from before hand-over', sentence: `rollbackRevision names ${short(after)}, a commit made after hand-over` });
      else if (!history) unjudged = 'the evidence holds no history before hand-over (it was recorded by an older gitops-lab)';
      else if (!history.complete) unjudged = `${rollback.id} is none of the ${history.commits.length} latest commits before hand-over, and older ones were not recorded`;
      else problem('rollbackRevision', { got: `${rollback.id}, no such commit`, expected: `a commit of ${git.trackedBranch} at or before hand-over`, sentence: `rollbackRevision ${rollback.id} names no commit of ${git.trackedBranch} at or before hand-over` });
    } else rollbackCommit = rollback.commit;

    if (rollbackCommit) {
      // It came from the history. The incident: the last commit at or before hand-over that changed a named path;
      // known good is its parent.
      const history = git.history!;
      const incident = history.commits.findIndex((c) => c.files.some((f) => params.paths.includes(f.path)));
      const r = history.commits.indexOf(rollbackCommit);
      if (incident < 0) {
        unjudged = `no commit at or before hand-over changed ${params.paths.join(', ')} (the check's paths, or a history cut short)`;
      } else if (r <= incident) {
        const bad = history.commits[incident]!;
        problem('rollbackRevision', {
          got: `${short(rollbackCommit)}, at or after ${short(bad)}`,
          expected: `a commit before ${bad.sha.slice(0, 7)}`,
          sentence: `rollbackRevision ${short(rollbackCommit)} holds the broken state: ${short(bad)} changed ${params.paths.join(', ')} at or before it`,
        });
      } else {
        const good = history.commits[incident + 1]!;
        const at = params.paths.map((p) => ({ path: p, rollback: contentAt(history, r, p), good: contentAt(history, incident + 1, p), head: git.head.files[p]?.blob ?? 'absent' }));
        // Content older than the recorded history equals only itself: the same, where both are that old.
        const unrecorded = at.filter((x) => (x.rollback === 'unrecorded') !== (x.good === 'unrecorded') || (params.restored === true && x.rollback === 'unrecorded'));
        const differs = at.filter((x) => x.rollback !== x.good).map((x) => x.path);
        if (unrecorded.length > 0) unjudged = `${unrecorded.map((x) => x.path).join(', ')} at ${rollbackCommit.sha.slice(0, 7)} is older than the recorded history`;
        else if (differs.length > 0) {
          problem('rollbackRevision', {
            got: `${short(rollbackCommit)}, whose ${differs.join(', ')} differ${differs.length === 1 ? 's' : ''} from ${good.sha.slice(0, 7)}'s`,
            expected: `a commit holding ${good.sha.slice(0, 7)}'s ${params.paths.join(', ')}`,
            sentence: `rollbackRevision ${short(rollbackCommit)} does not hold the known-good ${differs.join(', ')}`,
          });
        } else if (params.restored) {
          const notRestored = at.filter((x) => x.head !== x.rollback).map((x) => x.path);
          if (notRestored.length > 0) {
            problem('rollbackRevision', {
              got: `${git.trackedBranch}'s ${notRestored.join(', ')} differ${notRestored.length === 1 ? 's' : ''} from ${rollbackCommit.sha.slice(0, 7)}'s`,
              expected: `${git.trackedBranch} holding ${rollbackCommit.sha.slice(0, 7)}'s ${params.paths.join(', ')}`,
              sentence: `${git.trackedBranch} does not hold what rollbackRevision ${short(rollbackCommit)} holds in ${notRestored.join(', ')}: the fix did not restore it`,
            });
          }
        }
      }
    }

    if (problems.length > 0) {
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
      return fail(`${file}: ${problems[0]!.sentence}${more}.`, {
        expected,
        actual: problems.map((p) => `${p.path.slice(file.length + 1)}: ${p.got}`).join('; '),
        why,
        mismatches: problems.map(({ path, got, expected: e }) => ({ path, got, expected: e })),
        diff: details,
      });
    }
    // No problem: every field was judged and holds, or the rollback revision could not be judged.
    if (unjudged !== undefined) return cannotJudge(`${file}: the rollback revision cannot be judged: ${unjudged}.`, { expected, diff: details });
    const [fixed, good] = [fixCommit!, rollbackCommit!];
    return pass(`${file} names the ${params.boundary} boundary, fix ${short(fixed)} and rollback revision ${short(good)}.`, {
      expected,
      actual: `boundary ${params.boundary}, fix ${fixed.sha.slice(0, 7)}, rollback ${good.sha.slice(0, 7)}`,
      diff: details,
    });
  },
});
