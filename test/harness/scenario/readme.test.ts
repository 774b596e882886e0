/** How a scenario's generated README describes its steps and edits (harness/scenario/readme.ts). */
import t from 'tap';
import { Step } from '../../../harness/model/steps.js';
import { describeStep } from '../../../harness/scenario/readme.js';

t.test('a delete edit names the key it deletes, or the file', async (t) => {
  const commit = (edits: unknown[]) => describeStep(Step.parse({ action: 'git.commit', message: 'm', edits }));
  t.equal(commit([{ op: 'delete', file: 'app.yaml', path: 'spec.syncPolicy.automated' }]), 'commit "m": delete spec.syncPolicy.automated from app.yaml');
  t.equal(commit([{ op: 'delete', file: 'app.yaml' }]), 'commit "m": delete app.yaml');
});

t.test('live.apply names the object, the environment and the field manager', async (t) => {
  t.equal(describeStep(Step.parse({ action: 'live.apply', environment: 'staging', manifest: { kind: 'Job', metadata: { name: 'smoke' } } })), 'kubectl-client-side-apply: apply Job/smoke in staging');
});
