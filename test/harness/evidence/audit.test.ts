/**
 * The audit-log recorder on lines recorded from a real kube-apiserver of the local provider, where every
 * component runs as its own identity (test/fixtures/audit/README.md says how they were recorded): the
 * argocd-application-controller ServiceAccount applied a Deployment; then the admin user (the learner's
 * kubectl) patched it claiming Argo CD's field manager, claiming the harness's, honestly, and impersonating the
 * controller; the controller applied again; and the admin minted a token for the controller's ServiceAccount.
 * kube-controller-manager, kube-scheduler and kwok-controller did their work meanwhile.
 */
import t from 'tap';
import { appendFileSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditPosition, changeFromAudit, classifyActor, classifyClaimedManager, isDryRun, onlyAsksToLookAgain, readAuditChanges, writtenState, type AuditEvent } from '../../../harness/evidence/audit.js';

const LOG = fileURLToPath(new URL('../../fixtures/audit/identities.jsonl', import.meta.url));
const NS = new Set(['id-probe']);
const EPOCH = '1970-01-01T00:00:00Z';
const ARGO = 'system:serviceaccount:argocd:argocd-application-controller';

t.test('every Deployment write is attributed to the authenticated user, whatever field manager it claims', async (t) => {
  const changes = await readAuditChanges(LOG, NS, EPOCH);
  const deployment = changes.filter((c) => c.kind === 'Deployment');
  t.same(
    deployment.map((c) => [c.verb, c.user, c.fieldManager ?? null, c.impersonated ?? null, c.actor]),
    [
      ['patch', ARGO, 'argocd-controller', null, 'controller'],
      ['patch', 'kwok-admin', 'argocd-controller', null, 'person'],
      ['patch', 'kwok-admin', 'gitops-lab-seeder', null, 'person'],
      ['patch', 'kwok-admin', 'kubectl-patch', null, 'person'],
      ['patch', 'kwok-admin', 'argocd-controller', ARGO, 'person'],
      ['patch', ARGO, 'argocd-controller', null, 'controller'],
    ],
  );
});

t.test('the control plane writes as its own users, and they are controllers', async (t) => {
  const changes = await readAuditChanges(LOG, NS, EPOCH);
  const byKind = (kind: string, verb: string) => [...new Set(changes.filter((c) => c.kind === kind && c.verb === verb).map((c) => `${c.user} ${c.actor}`))];
  t.same(byKind('ReplicaSet', 'create'), ['system:kube-controller-manager controller']);
  t.same(byKind('Pod', 'create binding'), ['system:kube-scheduler controller']);
  t.ok(changes.some((c) => c.user === 'system:kwok-controller' && c.actor === 'controller'), 'kwok-controller');
  t.notOk(changes.some((c) => c.verb.endsWith(' status') && c.actor === 'controller'), "controllers' status writes are not changes of desired state");
  t.same([...new Set(changes.filter((c) => c.actor === 'person').map((c) => c.user))], ['kwok-admin'], 'only the admin user is a person');
});

t.test('a token minted by hand for a controller identity is recorded; a token for anyone else is not', async (t) => {
  const changes = await readAuditChanges(LOG, NS, EPOCH);
  const minted = changes.filter((c) => c.kind === 'TokenRequest');
  t.ok(minted.length >= 1);
  t.same(
    [...new Set(minted.map((c) => `${c.verb} ${c.namespace}/${c.name} by ${c.user}: ${c.actor}`))],
    ['create token argocd/argocd-application-controller by kwok-admin: person'],
  );
});

t.test('changes before hand-over and in other namespaces are left out', async (t) => {
  const all = await readAuditChanges(LOG, NS, EPOCH);
  const honest = all.find((c) => c.fieldManager === 'kubectl-patch')!;
  const after = await readAuditChanges(LOG, NS, honest.at);
  t.ok(after.length < all.length);
  t.notOk(after.some((c) => c.fieldManager === 'gitops-lab-seeder'));
  t.ok(after.some((c) => c.fieldManager === 'kubectl-patch'));
  t.same(
    (await readAuditChanges(LOG, new Set(['elsewhere']), EPOCH)).map((c) => c.kind),
    all.filter((c) => c.kind === 'TokenRequest').map((c) => c.kind),
    'other namespaces: only the token requests',
  );
});

t.test('classifyActor: the authenticated user and groups decide, nothing a client can claim', async (t) => {
  t.equal(classifyActor(ARGO, ['system:serviceaccounts', 'system:serviceaccounts:argocd', 'system:authenticated']), 'controller');
  t.equal(classifyActor('system:serviceaccount:flux-system:kustomize-controller'), 'controller');
  t.equal(classifyActor('system:serviceaccount:argo-rollouts:argo-rollouts'), 'controller');
  t.equal(classifyActor('system:kube-controller-manager'), 'controller');
  t.equal(classifyActor('system:kube-scheduler'), 'controller');
  t.equal(classifyActor('system:kwok-controller'), 'controller');
  t.equal(classifyActor('system:node:kwok-node-0', ['system:nodes', 'system:authenticated']), 'controller');
  t.equal(classifyActor('system:node:kwok-node-0', ['system:authenticated']), 'person', 'a node name without the nodes group');
  t.equal(classifyActor('system:serviceaccount:kube-system:replicaset-controller', ['system:serviceaccounts', 'system:serviceaccounts:kube-system']), 'controller');
  t.equal(classifyActor('kwok-admin', ['system:masters', 'system:authenticated']), 'person', 'cluster-admin is not a controller');
  t.equal(classifyActor('argocd-controller'), 'person', 'a user named like a field manager');
  t.equal(classifyActor('system:serviceaccount:argocd:argocd-server'), 'person', 'a resource action in the Argo CD UI');
  t.equal(classifyActor('system:serviceaccount:payments-staging:default'), 'person');
  t.equal(classifyActor(''), 'person');
});

t.test('classifyClaimedManager (watch only): names, which anyone can claim', async (t) => {
  t.equal(classifyClaimedManager('argocd-controller'), 'controller');
  t.equal(classifyClaimedManager('kustomize-controller'), 'controller');
  t.equal(classifyClaimedManager('helm-controller'), 'controller', "Flux's helm-controller applies a release's objects as its controller name");
  t.equal(classifyClaimedManager('kube-controller-manager'), 'controller');
  t.equal(classifyClaimedManager('kubectl-patch'), 'person');
  t.equal(classifyClaimedManager('gitops-lab-seeder'), 'person', 'after hand-over the harness never writes as the seeder');
});

t.test('a user agent decides nothing: recorded before per-component identities, every client was kwok-admin', async (t) => {
  const old = fileURLToPath(new URL('../../fixtures/audit/kubectl-and-controllers.jsonl', import.meta.url));
  const changes = await readAuditChanges(old, new Set(['audit-probe']), EPOCH);
  t.ok(changes.some((c) => c.userAgent?.startsWith('kube-controller-manager/')), 'the controller-manager wrote there');
  t.same([...new Set(changes.map((c) => `${c.user} ${c.actor}`))], ['kwok-admin person'], "a client calling itself kube-controller-manager under the admin's credentials is the admin");
});

/**
 * test/fixtures/audit/bounds.jsonl (recorded by record-bounds.sh on a local cluster): the writes live.bounds-held
 * judges. The controller's identity applies a Deployment (5 replicas) and a Service; the admin scales to 3 through
 * the scale subresource and patches back to 5; the controller applies twice (the second changes nothing); the
 * admin scales to 0 and to 2, then deletes the Deployment. kube-controller-manager keeps the EndpointSlice.
 */
const BOUNDS = fileURLToPath(new URL('../../fixtures/audit/bounds.jsonl', import.meta.url));
const PROBE = new Set(['bounds-probe']);

t.test('each Deployment write carries spec.replicas as written, the scale subresource and controller writes included', async (t) => {
  const changes = await readAuditChanges(BOUNDS, PROBE, EPOCH);
  t.same(
    changes.filter((c) => c.kind === 'Deployment').map((c) => [c.verb, c.user, c.actor, c.replicas ?? null, c.noop ?? false]),
    [
      ['patch', ARGO, 'controller', 5, false],
      ['patch scale', 'kwok-admin', 'person', 3, false],
      ['patch', 'kwok-admin', 'person', 5, false],
      ['patch', ARGO, 'controller', 5, false],
      ['patch', ARGO, 'controller', 5, true],
      ['patch scale', 'kwok-admin', 'person', 0, false],
      ['patch scale', 'kwok-admin', 'person', 2, false],
      ['delete', 'kwok-admin', 'person', null, false],
    ],
  );
});

t.test("a controller's apply that changes nothing is marked noop (the resourceVersion stayed); one that changes fields is not", async (t) => {
  const changes = await readAuditChanges(BOUNDS, PROBE, EPOCH);
  t.same(
    changes.filter((c) => c.kind === 'Service').map((c) => [c.verb, c.actor, c.noop ?? false]),
    [
      ['patch', 'controller', false],
      ['patch', 'controller', true],
      ['patch', 'controller', true],
    ],
  );
  // Read from hand-over on, the versions written before it still count: the no-op stays a no-op.
  const second = changes.filter((c) => c.kind === 'Deployment')[4]!;
  const since = await readAuditChanges(BOUNDS, PROBE, second.at);
  t.equal(since.find((c) => c.kind === 'Deployment')?.noop, true);
});

t.test("EndpointSlice writes by kube-controller-manager: the Service, the ready endpoints, and the generated name of a create", async (t) => {
  const slices = (await readAuditChanges(BOUNDS, PROBE, EPOCH)).filter((c) => c.kind === 'EndpointSlice');
  t.same([...new Set(slices.map((c) => `${c.name} ${c.service} ${c.user} ${c.actor}`))], ['web-7857m web system:kube-controller-manager controller']);
  t.same(slices.map((c) => c.readyEndpoints), [0, 1, 4, 5, 4, 3, 3, 3, 4, 5, 4, 0, 0, 0, 0, 1, 2, 0, 0, 0]);
  t.equal(slices[0]!.verb, 'create');
});

t.test('writtenState: the patch itself where the response lacks replicas; nothing for deletions, Status responses and other kinds', async (t) => {
  const ev = (verb: string, resource: string, requestObject: unknown, responseObject: unknown) => ({ verb, objectRef: { resource, namespace: 'n', name: 'x' }, requestObject, responseObject });
  t.same(writtenState('Deployment', ev('patch', 'deployments', { spec: { replicas: 4 } }, { kind: 'Status', status: 'Success' })), { replicas: 4 });
  t.same(writtenState('Deployment', ev('patch', 'deployments', { spec: { replicas: 4 } }, { kind: 'Deployment', spec: { replicas: 6 } })), { replicas: 6 }, 'the object as written wins');
  t.same(writtenState('Rollout', ev('update', 'rollouts', undefined, { kind: 'Rollout', spec: { replicas: 1 } })), { replicas: 1 });
  t.same(writtenState('Deployment', ev('delete', 'deployments', undefined, { kind: 'Deployment', spec: { replicas: 6 } })), {});
  t.same(writtenState('Deployment', ev('patch', 'deployments', [{ op: 'replace', path: '/spec/replicas', value: 2 }], { kind: 'Status' })), {}, 'a JSON patch without a response: unknown');
  t.same(writtenState('Deployment', ev('patch', 'deployments', { spec: { replicas: '3' } }, undefined)), {}, 'not a number');
  t.same(writtenState('ReplicaSet', ev('update', 'replicasets', undefined, { kind: 'ReplicaSet', spec: { replicas: 1 } })), {});
  t.same(
    writtenState('EndpointSlice', ev('update', 'endpointslices', undefined, { kind: 'EndpointSlice', metadata: { labels: { 'kubernetes.io/service-name': 's' } }, endpoints: [{ conditions: { ready: true } }, { conditions: { ready: false } }, { conditions: {} }] })),
    { service: 's', readyEndpoints: 2 },
    'a missing ready counts as ready',
  );
  t.same(writtenState('EndpointSlice', ev('create', 'endpointslices', undefined, { kind: 'EndpointSlice', endpoints: null })), { readyEndpoints: 0 });
});

/**
 * test/fixtures/audit/flux-dry-run.jsonl: the Deployment patches of drift-accept's wrong solution
 * resume-without-accepting on Flux (recorded by `record --cluster lab drift-accept`): kustomize-controller's
 * server-side dry run and apply at 3 replicas, the admin's `kubectl scale` to 5, then the controller's dry run at 3,
 * a managed-fields patch at 5 and its apply at 3.
 */
const DRY = fileURLToPath(new URL('../../fixtures/audit/flux-dry-run.jsonl', import.meta.url));

t.test("a server-side dry run changes nothing: Flux's dry run before each apply is not a write", async (t) => {
  const changes = await readAuditChanges(DRY, new Set(['payments-staging-4b5eb6']), EPOCH);
  t.same(
    changes.map((c) => [c.at.slice(11, 23), c.user.split(':').at(-1), c.fieldManager, c.replicas]),
    [
      ['04:53:06.624', 'kustomize-controller', 'kustomize-controller', 3],
      ['04:53:13.206', 'kwok-admin', 'kubectl-scale', 5],
      ['04:53:16.514', 'kustomize-controller', 'kustomize-controller', 5],
      ['04:53:16.551', 'kustomize-controller', 'kustomize-controller', 3],
    ],
  );
  t.ok(isDryRun({ requestURI: '/apis/apps/v1/namespaces/n/deployments/x?dryRun=All&fieldManager=kubectl' }));
  t.notOk(isDryRun({ requestURI: '/apis/apps/v1/namespaces/n/deployments/x?fieldManager=dryRun' }), 'a field manager named dryRun is not a dry run');
  t.notOk(isDryRun({}));
});

t.test('a request path no URL parser accepts is a write without a field manager, and does not stop the reader', async (t) => {
  const line = {
    stage: 'ResponseComplete',
    verb: 'patch',
    requestURI: 'http://[bad/apis/apps/v1/namespaces/n/deployments/x?fieldManager=kubectl&dryRun=All',
    objectRef: { resource: 'deployments', namespace: 'n', name: 'x' },
    responseStatus: { code: 200 },
    user: { username: 'kwok-admin', groups: ['system:masters'] },
    requestReceivedTimestamp: '2026-12-02T04:53:13.206000Z',
  };
  t.doesNotThrow(() => isDryRun(line));
  const change = changeFromAudit(line, new Set(['n']));
  t.equal(change?.name, 'x', 'recorded: not taken for a dry run');
  t.equal(change?.fieldManager, undefined, 'no field manager read from a path that does not parse');
  t.equal(changeFromAudit({ ...line, requestURI: '/apis/apps/v1/namespaces/n/deployments/x?fieldManager=kubectl' }, new Set(['n']))?.fieldManager, 'kubectl');
});

t.test('a patch that only asks the controller to look again is no change; any other patch of the same object is', async (t) => {
  const file = fileURLToPath(new URL('../../fixtures/audit/flux-reconcile-request.jsonl', import.meta.url));
  const [reconcile, suspend] = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as AuditEvent);
  t.ok(onlyAsksToLookAgain(reconcile!), 'the recorded reconcile request');
  t.notOk(onlyAsksToLookAgain(suspend!), 'the recorded suspend');
  const ns = new Set(['payments-staging-223a6a']);
  t.equal(changeFromAudit(reconcile!, ns), undefined);
  // Named by its kind, as the watch recorder, the scenario's files and a check's `kinds` name it.
  t.match(changeFromAudit(suspend!, ns), { kind: 'Kustomization', verb: 'patch', actor: 'person' });
  for (const [resource, kind] of [['helmreleases', 'HelmRelease'], ['gitrepositories', 'GitRepository'], ['applications', 'Application'], ['ingresses', 'Ingress'], ['widgets', 'widgets']] as const) {
    t.equal(changeFromAudit({ ...suspend!, objectRef: { ...suspend!.objectRef, resource } }, ns)?.kind, kind, `${resource}: ${kind}${kind === resource ? ' (a resource the map does not know keeps its name)' : ''}`);
  }
  // Varied from the recorded one: the annotation with anything else, another annotation, Argo CD's refresh, a status patch.
  const body = (o: unknown) => ({ ...reconcile!, requestObject: o });
  const at = { 'reconcile.fluxcd.io/requestedAt': '2026-12-03T08:07:31Z' };
  t.notOk(onlyAsksToLookAgain(body({ metadata: { annotations: { ...at, team: 'x' } } })), 'another annotation too');
  t.notOk(onlyAsksToLookAgain(body({ metadata: { annotations: at }, spec: { suspend: false } })), 'a spec change too');
  t.notOk(onlyAsksToLookAgain(body({ metadata: { annotations: at, labels: { a: 'b' } } })), 'a label too');
  t.notOk(onlyAsksToLookAgain(body({ metadata: { annotations: {} } })), 'nothing at all');
  t.notOk(onlyAsksToLookAgain(body(undefined)), 'no request body');
  t.ok(onlyAsksToLookAgain(body({ metadata: { annotations: { 'argocd.argoproj.io/refresh': 'normal' } } })), "Argo CD's refresh");
  t.notOk(onlyAsksToLookAgain({ ...body({ metadata: { annotations: at } }), verb: 'update' }), 'an update replaces the whole object');
  t.notOk(onlyAsksToLookAgain({ ...body({ metadata: { annotations: at } }), objectRef: { ...reconcile!.objectRef, subresource: 'status' } }), 'a status patch');
});

t.test('a read from where the run began sees only what was written after it; a rotated or truncated log is read whole', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-audit-pos-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const lines = readFileSync(LOG, 'utf8').split('\n').filter((l) => l.length > 0);
  const honest = lines.findIndex((l) => l.includes('"kubectl-patch"'));
  t.ok(honest > 0, 'the recorded log has writes before the honest patch');
  const file = join(dir, 'audit.log');
  // The log as it stood when a run began, then what was written after.
  writeFileSync(file, `${lines.slice(0, honest).join('\n')}\n`);
  const at = await auditPosition(file);
  t.equal(at?.offset, statSync(file).size);
  appendFileSync(file, `${lines.slice(honest).join('\n')}\n`);
  const all = await readAuditChanges(file, NS, EPOCH);
  const fromStart = await readAuditChanges(file, NS, EPOCH, at);
  t.ok(fromStart.length > 0 && fromStart.length < all.length, `${fromStart.length} of ${all.length} changes`);
  t.same(fromStart.map((c) => c.fieldManager ?? null)[0], 'kubectl-patch', 'the first change read is the first written after the position');
  t.notOk(fromStart.some((c) => c.fieldManager === 'gitops-lab-seeder'), 'nothing from before it');
  // Rotated: another file at the same path, longer than the offset by now: read whole, not from the old offset.
  const rotated = join(dir, 'rotated.log');
  writeFileSync(rotated, readFileSync(file));
  renameSync(rotated, file);
  t.same((await readAuditChanges(file, NS, EPOCH, at)).length, all.length, 'another inode: read whole');
  // Truncated in place: shorter than the offset.
  const now = await auditPosition(file);
  writeFileSync(file, `${lines.slice(0, 3).join('\n')}\n`);
  t.same(await readAuditChanges(file, NS, EPOCH, now), await readAuditChanges(file, NS, EPOCH), 'shorter than the offset: read whole');
  t.equal(await auditPosition(join(dir, 'missing.log')), undefined);
});
