/**
 * The audit-log recorder on lines recorded from a real kube-apiserver of the local provider: a person ran
 * `kubectl create deployment`, `kubectl set image` and `kubectl scale` in namespace audit-probe while
 * kube-controller-manager, kube-scheduler and kwok did their work (refresh: see test/fixtures/audit/README.md).
 */
import t from 'tap';
import { fileURLToPath } from 'node:url';
import { classifyActor, readAuditChanges } from '../../../harness/evidence/audit.js';

const LOG = fileURLToPath(new URL('../../fixtures/audit/kubectl-and-controllers.jsonl', import.meta.url));

t.test("a person's kubectl writes are told apart from the controllers' on the same user", async (t) => {
  const changes = await readAuditChanges(LOG, new Set(['audit-probe']), '1970-01-01T00:00:00Z');
  const byPerson = changes.filter((c) => c.actor === 'person');
  t.same(
    byPerson.map((c) => [c.verb, c.kind, c.fieldManager ?? c.userAgent?.split(' ')[0]]),
    [
      ['create', 'Deployment', 'kubectl-create'],
      ['patch', 'Deployment', 'kubectl-set'],
      ['patch scale', 'Deployment', 'kubectl/v1.32.4'],
    ],
  );
  t.ok(changes.some((c) => c.actor === 'controller' && c.kind === 'ReplicaSet' && c.verb === 'create'), 'kube-controller-manager creates ReplicaSets');
  t.notOk(changes.some((c) => c.verb.endsWith(' status')), 'status writes are not changes of desired state');
  t.ok(changes.every((c) => c.user === 'kwok-admin'), 'every client shares one user here, so the user agent decides');
});

t.test('changes before hand-over and in other namespaces are left out', async (t) => {
  const all = await readAuditChanges(LOG, new Set(['audit-probe']), '1970-01-01T00:00:00Z');
  const after = await readAuditChanges(LOG, new Set(['audit-probe']), all.find((c) => c.fieldManager === 'kubectl-set')!.at);
  t.ok(after.length < all.length);
  t.notOk(after.some((c) => c.fieldManager === 'kubectl-create'));
  t.same(await readAuditChanges(LOG, new Set(['elsewhere']), '1970-01-01T00:00:00Z'), []);
});

t.test('the harness and the GitOps controllers are not people', async (t) => {
  t.equal(classifyActor('admin', 'node', 'gitops-lab-seeder'), 'harness');
  t.equal(classifyActor('admin', 'argocd-application-controller/v3.5.1', 'argocd-controller'), 'controller');
  t.equal(classifyActor('admin', 'kustomize-controller/v1.9.4', 'kustomize-controller'), 'controller');
  t.equal(classifyActor('admin', 'kubectl/v1.32.4', 'kubectl-edit'), 'person');
  t.equal(classifyActor('system:serviceaccount:x:y', 'whatever', undefined), 'controller');
});
