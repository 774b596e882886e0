/** Git evidence from the lab repository: the learner's pushed tracked branch against the hand-over commit. */
import { parseAllDocuments } from 'yaml';
import { git, gitOut } from '../git/git.js';
import { branchHeads } from '../git/lab-repo.js';
import type { CommitInfo, FileChange, GitEvidence, ParsedFile, TreeSnapshot } from '../model/evidence.js';

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

export async function readCommits(bareDir: string, from: string, to: string): Promise<CommitInfo[]> {
  const out = (
    await git(bareDir, ['log', '--reverse', '-z', '-M', '--name-status', '--format=%x1e%H%x1f%P%x1f%an <%ae>%x1f%s%x1f%b%x1f', `${from}..${to}`])
  ).stdout;
  return out
    .split('\x1e')
    .filter((r) => r.trim().length > 0)
    .map((record) => {
      const [sha = '', parents = '', author = '', subject = '', body = '', rest = ''] = record.split('\x1f');
      return {
        sha,
        parents: parents.split(' ').filter(Boolean),
        author,
        subject,
        body: body.trim(),
        files: parseNameStatus(rest.replace(/^\0?\n?/, '')),
      };
    });
}

const YAML_FILE = /\.(ya?ml)$|(^|\/)Kustomization$/;

/** The YAML files of a commit's tree, parsed; blobs already parsed (shared between trees) are reused. */
export async function snapshotTree(bareDir: string, sha: string, cache = new Map<string, ParsedFile>()): Promise<TreeSnapshot> {
  const ls = (await git(bareDir, ['ls-tree', '-r', '-z', sha])).stdout;
  const entries = ls
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta = '', path = ''] = line.split('\t');
      const [, type, blob] = meta.split(' ');
      return { type, blob: blob ?? '', path };
    })
    .filter((e) => e.type === 'blob' && YAML_FILE.test(e.path));
  const missing = [...new Set(entries.map((e) => e.blob).filter((b) => !cache.has(b)))];
  if (missing.length > 0) {
    // One process for every blob: `git cat-file --batch`.
    const out = (await git(bareDir, ['cat-file', '--batch'], { input: missing.join('\n') + '\n', binary: true })).stdoutBytes!;
    const buf = Buffer.from(out);
    let off = 0;
    while (off < buf.length) {
      const nl = buf.indexOf(0x0a, off);
      const [blob = '', , size = '0'] = buf.subarray(off, nl).toString('utf8').split(' ');
      const n = Number(size);
      const text = buf.subarray(nl + 1, nl + 1 + n).toString('utf8');
      off = nl + 1 + n + 1;
      cache.set(blob, parseYamlFile(blob, text));
    }
  }
  const files: Record<string, ParsedFile> = {};
  for (const e of entries) files[e.path] = cache.get(e.blob)!;
  return { sha, files };
}

export function parseYamlFile(blob: string, text: string): ParsedFile {
  const docs = parseAllDocuments(text);
  const errors = docs.flatMap((d) => ('errors' in d ? d.errors : []));
  if (errors.length > 0) return { blob, parseError: errors[0]!.message.split('\n')[0] ?? 'YAML error' };
  return { blob, docs: docs.map((d) => d.toJS() as unknown).filter((d) => d !== null && d !== undefined) };
}

/** The tracked branch's updates, oldest first: `git reflog` of the bare lab repository. */
export async function readPushes(bareDir: string, branch: string): Promise<{ sha: string; at: string }[]> {
  const r = await git(bareDir, ['reflog', 'show', '--date=unix', '--format=%H %gd', `refs/heads/${branch}`], { allowFailure: true });
  if (r.exitCode !== 0) return [];
  return r.stdout
    .split('\n')
    .map((line) => /^([0-9a-f]{40}) .*@\{(\d+)\}$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ sha: m[1]!, at: new Date(Number(m[2]) * 1000).toISOString() }))
    .reverse();
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
  const heads = await branchHeads(bareDir);
  const all = await readPushes(bareDir, input.trackedBranch);
  // Only updates after hand-over are the learner's: drop everything up to the last update to the seed.
  const seedAt = all.map((p) => p.sha).lastIndexOf(seedSha);
  const pushes = all.slice(seedAt + 1);
  const headSha =
    input.headSha ?? (input.deadline ? lastPushBefore(pushes, input.deadline, seedSha) : heads[input.trackedBranch] ?? seedSha);
  const ancestor = await git(bareDir, ['merge-base', '--is-ancestor', seedSha, headSha], { allowFailure: true });
  const headContainsSeed = ancestor.exitCode === 0;
  const [commits, diff] = await Promise.all([
    headContainsSeed ? readCommits(bareDir, seedSha, headSha) : readCommits(bareDir, await gitOut(bareDir, ['merge-base', seedSha, headSha]).catch(() => seedSha), headSha),
    git(bareDir, ['diff', '--name-status', '-z', '-M', seedSha, headSha]),
  ]);
  const cache = new Map<string, ParsedFile>();
  const seed = await snapshotTree(bareDir, seedSha, cache);
  const head = await snapshotTree(bareDir, headSha, cache);
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
  };
}
