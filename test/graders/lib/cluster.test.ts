/** The cluster helpers the live, sync and health graders share, on live evidence recorded from a real run. */
import t from 'tap';
import { CollectedKind, condition, conditionsOf, environmentOf, isFinding, liveObject, podsOf, short, who } from '../../../graders/lib/cluster.js';
import { shaOfRevision } from '../../../harness/model/flux-status.js';
import { fixture, variant } from '../../helpers/fixtures.js';
import type { RecordedChange } from '../../../harness/model/cluster-evidence.js';

const solved = fixture('promote-staging-image', 'argocd', 'solution', 'live');

t.test('environmentOf: the evidence, or why there is none', async (t) => {
  const env = environmentOf(solved, 'staging');
  t.notOk(isFinding(env));
  const qa = environmentOf(solved, 'qa');
  t.ok(isFinding(qa));
  t.same(qa, { status: 'error', message: 'The cluster evidence has no environment "qa".' });
  const offline = environmentOf(fixture('promote-staging-image', 'argocd', 'solution'), 'staging');
  t.same(offline, { status: 'error', message: 'There is no cluster evidence: this boundary needs a live run.' });
  t.notOk(isFinding(null));
  t.notOk(isFinding({ status: 'pass' }), 'a status alone is not a finding');
});

t.test("podsOf: the workload's Pods by its selector, not those being deleted", async (t) => {
  const env = environmentOf(solved, 'staging');
  if (isFinding(env)) throw new Error('fixture: staging has cluster evidence');
  const deployment = liveObject(env, 'Deployment', 'payment-api')!;
  const pods = podsOf(env, deployment);
  t.ok(pods.length > 0);
  const deleting = variant(solved, (e) => {
    const p = e.cluster!.environments['staging']!.objects['Pod']![0] as { metadata: Record<string, unknown> };
    p.metadata['deletionTimestamp'] = '2026-11-26T22:15:19Z';
  });
  const env2 = environmentOf(deleting, 'staging');
  if (isFinding(env2)) throw new Error('unreachable');
  t.equal(podsOf(env2, deployment).length, pods.length - 1, 'a Pod being deleted is not counted');
  const other = { spec: { selector: { matchLabels: { app: 'checkout' } } } };
  t.same(podsOf(env, other), [], "another workload's selector selects none of them");
  t.equal(liveObject(env, 'Deployment', 'checkout'), undefined);
});

t.test('conditions, revisions and short shas', async (t) => {
  const obj = { status: { conditions: [{ type: 'Available', status: 'True' }, { type: 'Progressing', status: 'False', reason: 'X' }] } };
  t.same(condition(obj, 'Progressing'), { type: 'Progressing', status: 'False', reason: 'X' });
  t.equal(condition(obj, 'Ready'), undefined);
  t.same(conditionsOf({ status: { conditions: 'nonsense' } }), [], 'conditions that are not a list read as none');
  t.same(conditionsOf(undefined), []);
  t.same(conditionsOf({ status: { conditions: [{ status: 'True' }, 'Available', { type: 'Available', status: 'True', reason: 3, extra: 'kept' }] } }), [{ type: 'Available', status: 'True', extra: 'kept' }], 'read as the status models read them: no type, left out; a wrong type, absent');
  const sha = '0123456789abcdef0123456789abcdef01234567';
  t.equal(shaOfRevision(`main@sha1:${sha}`), sha, "Flux's revision");
  t.equal(shaOfRevision(sha), sha, "Argo CD's");
  t.equal(shaOfRevision('v1.2.3'), 'v1.2.3', 'not a sha: as written');
  t.equal(shaOfRevision(''), undefined);
  t.equal(shaOfRevision(7), undefined);
  t.equal(short(sha), '0123456');
  t.equal(short(undefined), '<none>');
});

t.test('who: the authenticated user with what the client claimed; on the watch only the claim', async (t) => {
  const base: RecordedChange = { at: 'x', namespace: 'n', kind: 'Deployment', name: 'd', verb: 'patch', user: 'kwok-admin', actor: 'person', source: 'audit' };
  t.equal(who(base), 'kwok-admin');
  t.equal(who({ ...base, fieldManager: 'kubectl-scale', userAgent: 'kubectl/v1.32.4 (linux/amd64)', impersonated: 'system:serviceaccount:argocd:argocd-application-controller' }), 'kwok-admin (field manager kubectl-scale, agent kubectl/v1.32.4, as system:serviceaccount:argocd:argocd-application-controller)');
  t.equal(who({ ...base, source: 'watch', fieldManager: 'argocd-controller' }), 'field manager argocd-controller (claimed by the client)');
  t.equal(who({ ...base, source: 'watch' }), 'field manager kwok-admin (claimed by the client)', 'no manager: the user field stands in');
});

t.test('CollectedKind names what is collected when it refuses', async (t) => {
  t.ok(CollectedKind.safeParse('Deployment').success);
  const r = CollectedKind.safeParse('Secret');
  t.notOk(r.success);
  t.match(r.error?.issues[0]?.message, /^"Secret" is not collected as live evidence \(collected: Deployment, ReplicaSet, Pod, Service, EndpointSlice/);
});

t.test('collected: a kind the evidence lists (even empty), not one recorded before it was collected', async (t) => {
  const { collected } = await import('../../../graders/lib/cluster.js');
  const env = { namespace: 'ns', objects: { Rollout: [], Deployment: [{}] } } as unknown as Parameters<typeof collected>[0];
  t.ok(collected(env, 'Rollout'), 'an empty list is collected');
  t.ok(collected(env, 'Deployment'));
  t.notOk(collected(env, 'ConfigMap'));
  t.notOk(collected(env, 'toString'), 'only its own keys');
});
