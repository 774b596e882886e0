/**
 * Issue 10, item 7: live, "fixed through Git" must not trust what a client claims. On audit lines recorded from
 * a real local cluster (test/fixtures/audit/identities.jsonl), each way a learner could dress a by-hand change
 * as a controller's is graded: the forged change loses the point, the controller's own change keeps it.
 */
import t from 'tap';
import { fileURLToPath } from 'node:url';
import { readAuditChanges } from '../../harness/evidence/audit.js';
import { fixedThroughGit } from '../../graders/live/fixed-through-git.js';
import { AUDIT_SOURCE, type RecordedChange } from '../../harness/model/cluster-evidence.js';
import { fixture, variant } from '../helpers/fixtures.js';

const LOG = fileURLToPath(new URL('../fixtures/audit/identities.jsonl', import.meta.url));
const ARGO = 'system:serviceaccount:argocd:argocd-application-controller';
const params = fixedThroughGit.params.parse({ environment: 'staging' });

/** Recorded evidence of a solved run, with its staging changes replaced by the recorded lines picked. */
async function graded(pick: (c: RecordedChange) => boolean) {
  const base = fixture('promote-staging-image', 'argocd', 'solution', 'live');
  const ns = base.cluster!.environments['staging']!.namespace;
  const recorded = (await readAuditChanges(LOG, new Set(['id-probe']), '1970-01-01T00:00:00Z')).filter(pick);
  const e = variant(base, (x) => {
    x.cluster!.handoverAt = '1970-01-01T00:00:00Z';
    x.cluster!.changeSources = [AUDIT_SOURCE];
    // The recorded lines, as if they had been made in this run's staging namespace.
    x.cluster!.changes = recorded.map((c) => (c.kind === 'TokenRequest' ? c : { ...c, namespace: ns }));
  });
  return { finding: fixedThroughGit.grade(e, params, { controller: 'argocd' }), recorded };
}

const deploymentBy = (user: string, manager: string, as?: string) => (c: RecordedChange) =>
  c.kind === 'Deployment' && c.user === user && c.fieldManager === manager && c.impersonated === as;

t.test("the controller's own apply (its ServiceAccount, field manager argocd-controller) keeps the point", async (t) => {
  const { finding, recorded } = await graded(deploymentBy(ARGO, 'argocd-controller'));
  t.equal(recorded.length, 2, 'two applies by the controller');
  t.equal(finding.status, 'pass', finding.message);
});

t.test('kubectl patch --field-manager=argocd-controller by the admin user loses it', async (t) => {
  const { finding, recorded } = await graded(deploymentBy('kwok-admin', 'argocd-controller'));
  t.equal(recorded.length, 1);
  t.equal(finding.status, 'fail');
  t.equal(finding.actual, 'patch Deployment/web by kwok-admin (field manager argocd-controller, agent kubectl/v1.32.4)');
});

t.test('kubectl patch --field-manager=gitops-lab-seeder (the harness\'s name) loses it', async (t) => {
  const { finding } = await graded(deploymentBy('kwok-admin', 'gitops-lab-seeder'));
  t.equal(finding.status, 'fail');
  t.match(finding.actual, /^patch Deployment\/web by kwok-admin \(field manager gitops-lab-seeder, /);
});

t.test('kubectl --as=<the controller\'s ServiceAccount> loses it: the admin authenticated', async (t) => {
  const { finding, recorded } = await graded(deploymentBy('kwok-admin', 'argocd-controller', ARGO));
  t.equal(recorded.length, 1);
  t.equal(finding.status, 'fail');
  t.match(finding.actual, new RegExp(`by kwok-admin \\(field manager argocd-controller, agent kubectl/\\S+, as ${ARGO}\\)`));
});

t.test('an honest kubectl patch loses it, as before', async (t) => {
  const { finding } = await graded(deploymentBy('kwok-admin', 'kubectl-patch'));
  t.equal(finding.status, 'fail');
  t.match(finding.actual, /^patch Deployment\/web by kwok-admin \(field manager kubectl-patch, /);
});

t.test("minting a token for the controller's ServiceAccount after hand-over loses it in every environment", async (t) => {
  const { finding, recorded } = await graded((c) => c.kind === 'TokenRequest');
  t.ok(recorded.length >= 1);
  t.equal(finding.status, 'fail');
  t.match(finding.message, /A token for a controller's identity was requested by hand after hand-over \(argocd\/argocd-application-controller by kwok-admin/);
});

t.test('the control plane (controller-manager, scheduler, kwok) keeps the point', async (t) => {
  const { finding, recorded } = await graded((c) => ['system:kube-controller-manager', 'system:kube-scheduler', 'system:kwok-controller'].includes(c.user));
  t.ok(recorded.length > 5, `${recorded.length} control plane writes`);
  t.equal(finding.status, 'pass', finding.message);
});
