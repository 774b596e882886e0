/**
 * The cluster-boundary graders on evidence recorded from real runs on the local provider (real Argo CD and
 * Flux, kwok's simulated Pods): promote-staging-image seeded, solved through Git, and "solved" with
 * `kubectl set image` instead.
 */
import t from 'tap';
import { reconciled } from '../../../graders/sync/reconciled.js';
import { noErrors } from '../../../graders/sync/no-errors.js';
import { available } from '../../../graders/health/available.js';
import { fixedThroughGit } from '../../../graders/live/fixed-through-git.js';
import { matchesRender } from '../../../graders/live/matches-render.js';
import { serviceEndpoints } from '../../../graders/live/service-endpoints.js';
import { fixture, variant } from '../../helpers/fixtures.js';
import { WATCH_SOURCE } from '../../../harness/model/cluster-evidence.js';

const CONTROLLERS = ['argocd', 'flux'] as const;
const live = (controller: (typeof CONTROLLERS)[number], phase: string) => fixture('promote-staging-image', controller, phase, 'live');
const staging = { environment: 'staging' };
const image = available.params.parse({ environment: 'staging', deployment: 'payment-api', image: 'nginx:1.27.6' });

for (const controller of CONTROLLERS) {
  const ctx = { controller };
  t.test(`${controller}: after the fix through Git, every cluster boundary passes`, async (t) => {
    const e = live(controller, 'solution');
    t.equal(reconciled.grade(e, reconciled.params.parse(staging), ctx).status, 'pass');
    t.equal(noErrors.grade(e, noErrors.params.parse(staging), ctx).status, 'pass');
    t.equal(available.grade(e, image, ctx).status, 'pass');
    t.equal(fixedThroughGit.grade(e, fixedThroughGit.params.parse(staging), ctx).status, 'pass');
    t.equal(serviceEndpoints.grade(e, serviceEndpoints.params.parse({ environment: 'staging', service: 'payment-api' }), ctx).status, 'pass');
    const m = matchesRender.params.parse({ environment: 'staging', kind: 'Deployment', name: 'payment-api', paths: ['spec.replicas', 'spec.template.spec.containers[0].image'] });
    t.equal(matchesRender.grade(e, m, ctx).status, 'pass');
  });

  t.test(`${controller}: right after seeding, staging still runs the old image`, async (t) => {
    const r = available.grade(live(controller, 'faults'), image, ctx);
    t.equal(r.status, 'fail');
    t.match(r.mismatches?.map((m) => m.got).join(), /nginx:1\.27\.5/);
    t.equal(reconciled.grade(live(controller, 'faults'), reconciled.params.parse(staging), ctx).status, 'pass', 'the controller is in sync with the broken Git');
  });

  t.test(`${controller}: kubectl set image is caught by the audit log, and the controller put Git's image back`, async (t) => {
    const e = live(controller, 'wrong-kubectl-set-image');
    const r = fixedThroughGit.grade(e, fixedThroughGit.params.parse(staging), ctx);
    t.equal(r.status, 'fail');
    t.match(r.actual, /patch Deployment\/payment-api by kwok-admin \(field manager kubectl-set, agent node-fetch\/1\.0\)/);
    t.equal(available.grade(e, image, ctx).status, 'fail', 'the change did not survive the next reconcile');
  });

  t.test(`${controller}: a revision other than the branch head fails sync.reconciled, naming both`, async (t) => {
    const e = variant(live(controller, 'solution'), (x) => {
      x.git.headSha = 'f'.repeat(40);
    });
    const r = reconciled.grade(e, reconciled.params.parse(staging), ctx);
    t.equal(r.status, 'fail');
    t.match(r.expected, /at fffffff/);
  });
}

t.test('without cluster evidence the cluster graders cannot judge: error, not fail', async (t) => {
  const offline = fixture('promote-staging-image', 'argocd', 'solution');
  for (const [g, p] of [
    [reconciled, staging],
    [available, { environment: 'staging', deployment: 'payment-api' }],
    [fixedThroughGit, staging],
  ] as const) {
    t.equal(g.grade(offline, g.params.parse(p) as never, { controller: 'argocd' }).status, 'error', g.name);
  }
});

t.test('no change recorder means who-changed-what is unknown: error', async (t) => {
  const e = variant(live('flux', 'solution'), (x) => {
    x.cluster!.changeSources = [];
  });
  t.equal(fixedThroughGit.grade(e, fixedThroughGit.params.parse(staging), { controller: 'flux' }).status, 'error');
});

t.test('watch only (no audit log): the verdict says it is weaker and why, pass or fail', async (t) => {
  const watchOnly = (e: ReturnType<typeof live>) =>
    variant(e, (x) => {
      x.cluster!.changeSources = [WATCH_SOURCE];
      x.cluster!.changes = x.cluster!.changes.map((c) => ({ at: c.at, namespace: c.namespace, kind: c.kind, name: c.name, verb: c.verb, user: c.fieldManager ?? 'kube-controller-manager', fieldManager: c.fieldManager ?? 'kube-controller-manager', actor: c.actor, source: 'watch' as const }));
    });
  const passed = fixedThroughGit.grade(watchOnly(live('flux', 'solution')), fixedThroughGit.params.parse(staging), { controller: 'flux' });
  t.equal(passed.status, 'pass');
  t.match(passed.message, /weaker check: this cluster has no audit log, so changes are attributed by managedFields manager names, which each client chooses/);
  const failed = fixedThroughGit.grade(watchOnly(live('flux', 'wrong-kubectl-set-image')), fixedThroughGit.params.parse(staging), { controller: 'flux' });
  t.equal(failed.status, 'fail');
  t.match(failed.message, /by hand, not through Git \(weaker check: /);
  t.match(failed.actual, /patch Deployment\/payment-api by field manager kubectl-set \(claimed by the client\)/);
  const audited = fixedThroughGit.grade(live('flux', 'solution'), fixedThroughGit.params.parse(staging), { controller: 'flux' });
  t.notMatch(audited.message, /weaker/, 'the audit log is not called weaker');
});
