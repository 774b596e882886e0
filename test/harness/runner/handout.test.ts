/**
 * The learner's handout: the task, the clone URL with their own credential, the deadline (exam) or the time limit
 * (practice), and how to check progress; words a shell would read are quoted.
 */
import t from 'tap';
import { handoutText, shellWord, utc, type HandoutInput } from '../../../harness/runner/handout.js';

const base: HandoutInput = {
  classId: 'wrong-selector-3f2a1b',
  learner: { learner: 'alice', name: 'Alice Liddell' },
  scenario: { id: 'wrong-selector', title: 'Fix the Service selector', prompt: '  staging has no endpoints.\nFix it through Git.\n', timeLimitMinutes: 20 },
  controller: 'argocd',
  mode: 'practice',
  cloneURL: 'http://learner-a1b2c3:pw-Xy_9@127.0.0.1:41234/wrong-selector-a1b2c3.git',
  trackedBranch: 'main',
  workspace: '/srv/class/workspaces/alice',
  startedAt: '2026-12-03T10:00:00.000Z',
};

t.test('practice: task, clone URL with the credential, the time limit as a target, progress commands', async (t) => {
  const text = handoutText(base);
  t.match(text, /^# Fix the Service selector\n\nHandout for \*\*Alice Liddell \(alice\)\*\*: class `wrong-selector-3f2a1b`, scenario `wrong-selector`, controller argocd, practice mode\.\n/);
  t.match(text, '## Your task\n\nstaging has no endpoints.\nFix it through Git.\n\n');
  t.match(text, 'git clone http://learner-a1b2c3:pw-Xy_9@127.0.0.1:41234/wrong-selector-a1b2c3.git wrong-selector\n');
  t.match(text, 'git push origin main\n');
  t.match(text, "it opens your repository and no one else's");
  t.match(text, '- Time limit: 20 minutes, so aim to push by 2026-12-03 10:20:00 UTC (practice mode: the limit is not enforced).');
  t.notMatch(text, 'Deadline');
  t.match(text, 'gitops-lab watch --workspace /srv/class/workspaces/alice\n');
  t.match(text, 'shows which checks pass, with hints:');
  t.match(text, '`gitops-lab class status`');
});

t.test('exam: the deadline, bold, and that later pushes are not graded; no hints', async (t) => {
  const text = handoutText({ ...base, mode: 'exam', deadline: '2026-12-03T10:20:00.000Z', learner: { learner: 'bob' } });
  t.match(text, 'Handout for **bob**:');
  t.match(text, '- **Deadline: 2026-12-03 10:20:00 UTC** (20 minutes). Pushes after the deadline are refused: your last push before it is the one graded.');
  t.notMatch(text, 'Time limit');
  t.match(text, '(exam mode: no hints)');
  // A class's one deadline is not this session's time limit from its start: the handout does not say it is.
  const classWide = handoutText({ ...base, mode: 'exam', deadline: '2026-12-03T11:00:00.000Z' });
  t.match(classWide, "- **Deadline: 2026-12-03 11:00:00 UTC** (the class's deadline). Pushes after the deadline are refused");
  t.notMatch(classWide, '20 minutes');
});

t.test('shell words: plain ones as they are, anything else single-quoted', async (t) => {
  t.equal(shellWord('http://u:p@127.0.0.1:1/r.git'), 'http://u:p@127.0.0.1:1/r.git');
  t.equal(shellWord('/home/a b/ws'), "'/home/a b/ws'");
  t.equal(shellWord("it's"), "'it'\\''s'");
  t.equal(shellWord('$(rm -rf ~)'), "'$(rm -rf ~)'");
  t.equal(handoutText({ ...base, workspace: '/tmp/x y' }).includes("gitops-lab watch --workspace '/tmp/x y'"), true);
  t.equal(utc('2026-12-03T10:04:05.123Z'), '2026-12-03 10:04:05 UTC');
  t.equal(utc('2026-12-03T10:04:05Z'), '2026-12-03 10:04:05 UTC');
});
