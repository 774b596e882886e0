/** What `start` prints for the learner: the prompt, the workspace, in exam mode the deadline and that later pushes are refused. */
import t from 'tap';
import { environmentsFor, promptText } from '../../../harness/runner/start.js';
import { newSession } from '../../../harness/runner/session.js';
import { loadScenario } from '../../../harness/scenario/load.js';

const { scenario } = await loadScenario('wrong-selector');
const session = (mode: 'practice' | 'exam', deadline?: string) =>
  newSession({
    runId: 'a1b2c3',
    scenario,
    controller: 'argocd',
    provider: 'offline',
    mode,
    lab: { bareDir: '/s/lab.git', repoURL: 'file:///s/lab.git', trackedBranch: 'main', seedSha: 'f'.repeat(40), seedBranches: { main: 'f'.repeat(40) } },
    environments: environmentsFor(scenario),
    stateDir: '/s',
    now: new Date('2026-12-03T10:00:00Z'),
    ...(deadline !== undefined ? { deadline } : {}),
  });

t.test('practice: no deadline line', async (t) => {
  const text = promptText(scenario, session('practice'), '/ws');
  t.match(text, 'Your workspace: /ws\nCommit your fix and `git push` to main; then run: gitops-lab grade --offline --workspace /ws');
  t.notMatch(text, 'Deadline');
});

t.test('exam: the deadline, and that pushes after it are refused', async (t) => {
  const own = promptText(scenario, session('exam'), '/ws');
  t.match(own, `Deadline: 2026-12-03 ${String(10 + Math.floor(scenario.timeLimitMinutes / 60)).padStart(2, '0')}:${String(scenario.timeLimitMinutes % 60).padStart(2, '0')}:00 UTC. Pushes after it are refused; your last push before it is the one graded.`);
  const classWide = promptText(scenario, session('exam', '2026-12-03T15:30:00.000Z'), '/ws');
  t.match(classWide, 'Deadline: 2026-12-03 15:30:00 UTC. Pushes after it are refused');
});
