/**
 * A learner's handout (`<class dir>/handouts/<learner>.md`): the task, where to clone from with the learner's
 * own credentials, when time is up, and how to see progress. Pure: the text from what class start knows.
 */
import type { Controller } from '../model/boundary.js';

export interface HandoutInput {
  readonly classId: string;
  readonly learner: { readonly learner: string; readonly name?: string | undefined };
  readonly scenario: { readonly id: string; readonly title: string; readonly prompt: string; readonly timeLimitMinutes: number };
  readonly controller: Controller;
  readonly mode: 'practice' | 'exam';
  /** The URL to clone and push, with this learner's credential in it. */
  readonly cloneURL: string;
  readonly trackedBranch: string;
  /** The session's workspace on the lab machine (absolute). */
  readonly workspace: string;
  readonly startedAt: string;
  /** Exam mode: pushes after it are not graded. */
  readonly deadline?: string | undefined;
}

/** A word for a POSIX shell: single-quoted unless it is made only of characters no shell treats specially. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `2026-12-03T10:04:05.123Z` as `2026-12-03 10:04:05 UTC`. */
export function utc(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
}

const plus = (iso: string, minutes: number): string => new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();
const minutesBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 60_000;

export function handoutText(h: HandoutInput): string {
  const who = h.learner.name ? `${h.learner.name} (${h.learner.learner})` : h.learner.learner;
  const dir = h.scenario.id;
  const time =
    h.mode === 'exam' && h.deadline !== undefined
      ? [
          `- Started: ${utc(h.startedAt)}`,
          `- **Deadline: ${utc(h.deadline)}** (${minutesBetween(h.startedAt, h.deadline) === h.scenario.timeLimitMinutes ? `${h.scenario.timeLimitMinutes} minutes` : "the class's deadline"}). Pushes after the deadline are refused: your last push before it is the one graded.`,
        ]
      : [
          `- Started: ${utc(h.startedAt)}`,
          `- Time limit: ${h.scenario.timeLimitMinutes} minutes, so aim to push by ${utc(plus(h.startedAt, h.scenario.timeLimitMinutes))} (practice mode: the limit is not enforced).`,
        ];
  return [
    `# ${h.scenario.title}`,
    '',
    `Handout for **${who}**: class \`${h.classId}\`, scenario \`${h.scenario.id}\`, controller ${h.controller}, ${h.mode} mode.`,
    '',
    '## Your task',
    '',
    h.scenario.prompt.trim(),
    '',
    '## Your repository',
    '',
    'The URL below holds your own password: it opens your repository and no one else\'s. Keep this handout to yourself.',
    '',
    '```sh',
    `git clone ${shellWord(h.cloneURL)} ${shellWord(dir)}`,
    `cd ${shellWord(dir)}`,
    '# ... fix, then:',
    'git commit -am "<what you changed and why>"',
    `git push origin ${shellWord(h.trackedBranch)}`,
    '```',
    '',
    `Only what you push to \`${h.trackedBranch}\` is graded. The cluster's controller (${h.controller}) deploys from that branch.`,
    '',
    '## Time',
    '',
    ...time,
    '',
    '## Checking your progress',
    '',
    'On the lab machine, this regrades after every push you make and shows which checks pass' + (h.mode === 'exam' ? ' (exam mode: no hints)' : ', with hints') + ':',
    '',
    '```sh',
    `gitops-lab watch --workspace ${shellWord(h.workspace)}`,
    '```',
    '',
    `\`gitops-lab grade --workspace ${shellWord(h.workspace)}\` grades your current push once. Your instructor sees your last push and score with \`gitops-lab class status\`.`,
    '',
  ].join('\n');
}
