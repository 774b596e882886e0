/**
 * live.fixed-through-git on drift-accept recorded on real Argo CD (audit log): the learner's `kubectl scale` to 3
 * and back to 5, with the change record varied where a case was not recorded (a token minted by hand, changes in
 * another namespace or at the hand-over instant, a watch-only record).
 */
import t from 'tap';
import { fixedThroughGit } from '../../../graders/live/fixed-through-git.js';
import { AUDIT_SOURCE, WATCH_SOURCE, type RecordedChange } from '../../../harness/model/cluster-evidence.js';
import { fixture, variant } from '../../helpers/fixtures.js';
import type { Evidence } from '../../../harness/model/evidence.js';

const ctx = { controller: 'argocd' as const };
const dip = fixture('drift-accept', 'argocd', 'wrong-dip-to-three-between-pushes', 'live');
const solved = fixture('drift-accept', 'argocd', 'solution', 'live');
const ns = dip.cluster!.environments['staging']!.namespace;
const staging = fixedThroughGit.params.parse({ environment: 'staging' });
const byHand = (e: Evidence) => e.cluster!.changes.filter((c) => c.actor === 'person');
const withChanges = (e: Evidence, change: (changes: RecordedChange[], e: Evidence) => void) => variant(e, (x) => change(x.cluster!.changes, x));

t.test('the fix passes; the kubectl scale to 3 and back is two changes by hand, each named', async (t) => {
  t.equal(fixedThroughGit.grade(solved, staging, ctx).message, `No one changed ${solved.cluster!.environments['staging']!.namespace} by hand after hand-over (${AUDIT_SOURCE}).`);
  t.same(dip.cluster!.changeSources, [AUDIT_SOURCE]);
  const r = fixedThroughGit.grade(dip, staging, ctx);
  t.equal(r.status, 'fail');
  t.equal(r.message, `2 change(s) were made to ${ns} by hand, not through Git.`);
  t.equal(r.actual, 'patch Deployment/payment-api by kwok-admin (field manager kubectl-scale); patch Deployment/payment-api by kwok-admin (field manager kubectl-scale)');
  t.same(r.mismatches!.map((m) => m.path), byHand(dip).map((c) => `${c.at} Deployment/payment-api`));
  t.equal(r.expected, 'only controllers change live objects after hand-over');
  t.match(r.why, 'Git is the only way in');
});

t.test('what counts: after hand-over, in this namespace, of the kinds asked about; the first three quoted', async (t) => {
  const elsewhere = withChanges(dip, (cs) => cs.forEach((c) => c.actor === 'person' && (c.namespace = 'payments-prod-x')));
  t.equal(fixedThroughGit.grade(elsewhere, staging, ctx).status, 'pass', "another namespace's changes are another environment's");
  const atHandover = withChanges(dip, (cs, e) => cs.forEach((c) => c.actor === 'person' && (c.at = e.cluster!.handoverAt)));
  t.equal(fixedThroughGit.grade(atHandover, staging, ctx).status, 'pass', 'the hand-over instant is still the seed');
  t.equal(fixedThroughGit.grade(dip, fixedThroughGit.params.parse({ environment: 'staging', kinds: ['Service', 'Pod'] }), ctx).status, 'pass', 'only the kinds asked about');
  t.equal(fixedThroughGit.grade(dip, fixedThroughGit.params.parse({ environment: 'staging', kinds: ['Deployment'] }), ctx).status, 'fail');
  const four = withChanges(dip, (cs) => {
    const p = cs.find((c) => c.actor === 'person')!;
    cs.push({ ...p, kind: 'Service', name: 'a' }, { ...p, kind: 'Service', name: 'b' });
  });
  const r = fixedThroughGit.grade(four, staging, ctx);
  t.equal(r.mismatches!.length, 4);
  t.equal(r.actual!.split('; ').length, 3, 'the summary quotes three');
});

t.test("a token minted by hand for a controller's identity fails, in any namespace", async (t) => {
  const minted = withChanges(solved, (cs) =>
    cs.push({ at: '2099-01-01T00:00:00Z', namespace: 'argocd', kind: 'TokenRequest', name: 'argocd-application-controller', verb: 'create token', user: 'kwok-admin', actor: 'person', source: 'audit' }),
  );
  const r = fixedThroughGit.grade(minted, staging, ctx);
  t.equal(r.status, 'fail');
  t.equal(r.message, "A token for a controller's identity was requested by hand after hand-over (argocd/argocd-application-controller by kwok-admin): changes made with it cannot be told from the controller's.");
  t.equal(fixedThroughGit.grade(minted, fixedThroughGit.params.parse({ environment: 'staging', kinds: ['Service'] }), ctx).status, 'fail', 'whatever kinds are asked about');
});

t.test('a watch-only record says the verdict is weaker; an audit log, in any of its spellings, does not', async (t) => {
  const sources = (e: Evidence, s: string[]) => variant(e, (x) => void (x.cluster!.changeSources = s));
  for (const s of [[WATCH_SOURCE], ['watch on the namespaces (older wording)']]) {
    t.match(fixedThroughGit.grade(sources(dip, s), staging, ctx).message, 'weaker check', s[0]!);
    t.match(fixedThroughGit.grade(sources(solved, s), staging, ctx).message, 'weaker check');
  }
  for (const s of [[AUDIT_SOURCE], ['kube-apiserver audit log'], [WATCH_SOURCE, AUDIT_SOURCE], [WATCH_SOURCE, 'kube-apiserver audit log']]) {
    t.notMatch(fixedThroughGit.grade(sources(dip, s), staging, ctx).message, 'weaker', s.join(' + '));
  }
  t.notMatch(fixedThroughGit.grade(sources(dip, ['a recorder of another kind']), staging, ctx).message, 'weaker', 'neither: no claim either way');
});

t.test('no cluster evidence, no such environment, no recorder: cannot judge', async (t) => {
  const none = fixedThroughGit.grade(variant(dip, (e) => delete e.cluster), staging, ctx);
  t.same([none.status, none.message], ['error', 'There is no cluster evidence: this boundary needs a live run.']);
  t.equal(fixedThroughGit.grade(dip, fixedThroughGit.params.parse({ environment: 'qa' }), ctx).message, 'The cluster evidence has no environment "qa".');
  const blind = fixedThroughGit.grade(variant(dip, (e) => void (e.cluster!.changeSources = [])), staging, ctx);
  t.same([blind.status, blind.message], ['error', 'No change recorder was running, so who changed what is unknown.']);
  t.equal(fixedThroughGit.describe(staging), 'nobody changed objects in staging by hand');
  t.equal(fixedThroughGit.describe(fixedThroughGit.params.parse({ environment: 'staging', kinds: ['Pod', 'Service'] })), 'nobody changed Pod, Service in staging by hand');
});

// Cases the mutation run showed missing (Stryker survivors in graders/live/fixed-through-git.ts).
t.test('change sources: any audit log spelling is authenticated, any watch source is weaker, each is quoted', async (t) => {
  const sourced = (e: Evidence, sources: string[]) => variant(e, (x) => void (x.cluster!.changeSources = sources));
  t.equal(fixedThroughGit.grade(sourced(dip, ['kube-apiserver audit log (rotated files)']), staging, ctx).message, `2 change(s) were made to ${ns} by hand, not through Git.`);
  t.match(fixedThroughGit.grade(sourced(dip, ['watch (informers)', 'another recorder']), staging, ctx).message, /^2 change\(s\) were made to .* by hand, not through Git \(weaker check: /);
  const solvedNs = solved.cluster!.environments['staging']!.namespace;
  t.equal(fixedThroughGit.grade(sourced(solved, [AUDIT_SOURCE, 'another recorder']), staging, ctx).message, `No one changed ${solvedNs} by hand after hand-over (${AUDIT_SOURCE}, another recorder).`);
});

t.test('tokens minted by hand: each named once, in the environment or not', async (t) => {
  const after = '2099-01-01T00:00:00Z';
  const token = (namespace: string, name: string): RecordedChange => ({ at: after, namespace, kind: 'TokenRequest', name, verb: 'create token', user: 'kwok-admin', actor: 'person', source: 'audit' });
  const e = variant(solved, (x) => void x.cluster!.changes.push(token(x.cluster!.environments['staging']!.namespace, 'argocd-application-controller'), token('argocd', 'argocd-server')));
  const r = fixedThroughGit.grade(e, staging, ctx);
  t.equal(r.status, 'fail');
  t.equal(r.message, `A token for a controller's identity was requested by hand after hand-over (${solved.cluster!.environments['staging']!.namespace}/argocd-application-controller by kwok-admin; argocd/argocd-server by kwok-admin): changes made with it cannot be told from the controller's.`);
  t.equal(r.mismatches!.length, 2, 'a token minted in the environment is not counted twice');
});
