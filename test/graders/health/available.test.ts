/**
 * health.available on live evidence recorded on the local provider (promote-staging-image solved through Git:
 * staging's Deployment Available, 2/2 ready on nginx:1.27.6), and on changes of that one recording.
 */
import t from 'tap';
import { available } from '../../../graders/health/available.js';
import { fixture, variant } from '../../helpers/fixtures.js';
import type { Evidence } from '../../../harness/model/evidence.js';

const ctx = { controller: 'argocd' as const };
const solved = fixture('promote-staging-image', 'argocd', 'solution', 'live');
const params = (extra: Record<string, unknown> = {}) => available.params.parse({ environment: 'staging', deployment: 'payment-api', ...extra });

type Obj = Record<string, any>;
const staging = (e: Evidence) => e.cluster!.environments['staging']!;
const deployment = (e: Evidence): Obj => staging(e).objects['Deployment']![0]!;
const changed = (change: (d: Obj, e: Evidence) => void) => variant(solved, (e) => change(deployment(e), e));

t.test('Available with every desired replica ready passes, saying how many', async (t) => {
  const r = available.grade(solved, params(), ctx);
  t.same({ status: r.status, message: r.message, actual: r.actual }, {
    status: 'pass',
    message: 'Deployment/payment-api is Available with 2/2 ready.',
    actual: 'Available=True, 2/2 ready',
  });
  t.equal(available.grade(solved, params({ replicas: 2, image: 'nginx:1.27.6' }), ctx).status, 'pass');
});

t.test('Available but fewer replicas ready than desired fails on readyReplicas', async (t) => {
  const r = available.grade(changed((d) => (d['status'].readyReplicas = 1)), params(), ctx);
  t.equal(r.status, 'fail');
  t.equal(r.message, 'Deployment/payment-api: Available=True, 1/2 ready.');
  t.same(r.mismatches, [{ path: 'Deployment/payment-api readyReplicas', got: '1', expected: '2' }]);
  t.equal(r.expected, 'Available=True, 2/2 ready');
  t.equal(r.why, 'Synced is not the same as usable: health asks whether the Pods are Ready to serve.');
  const none = available.grade(changed((d) => delete d['status'].readyReplicas), params(), ctx);
  t.same(none.mismatches, [{ path: 'Deployment/payment-api readyReplicas', got: '0', expected: '2' }], 'no readyReplicas: none ready');
});

t.test('the desired count is the parameter, else spec.replicas, else 1', async (t) => {
  const r = available.grade(solved, params({ replicas: 3 }), ctx);
  t.same(r.mismatches, [{ path: 'Deployment/payment-api readyReplicas', got: '2', expected: '3' }]);
  t.equal(r.expected, 'Available=True, 3/3 ready');
  const noSpec = changed((d) => {
    delete d['spec'].replicas;
    d['status'].readyReplicas = 1;
  });
  t.equal(available.grade(noSpec, params(), ctx).status, 'pass', 'spec.replicas defaults to 1');
  t.equal(available.grade(changed((d) => delete d['spec'].replicas), params(), ctx).status, 'fail', '2 ready of 1 desired is not settled');
  const zero = changed((d) => {
    d['spec'].replicas = 0;
    d['status'].readyReplicas = 0;
  });
  t.equal(available.grade(zero, params({ replicas: 0 }), ctx).status, 'pass', 'zero wanted, zero ready');
});

t.test('the Available condition must be True; its status and reason are reported', async (t) => {
  const r = available.grade(
    changed((d) => {
      d['status'].conditions = d['status'].conditions.map((c: Obj) => (c['type'] === 'Available' ? { ...c, status: 'False', reason: 'MinimumReplicasUnavailable' } : c));
    }),
    params(),
    ctx,
  );
  t.equal(r.status, 'fail');
  t.same(r.mismatches, [{ path: 'Deployment/payment-api Available', got: 'False (MinimumReplicasUnavailable)', expected: 'True' }]);
  t.equal(r.actual, 'Available=False, 2/2 ready');
  const missing = available.grade(changed((d) => (d['status'].conditions = [])), params(), ctx);
  t.same(missing.mismatches, [{ path: 'Deployment/payment-api Available', got: 'Unknown', expected: 'True' }]);
  t.equal(missing.actual, 'Available=Unknown, 2/2 ready');
});

t.test('with an image, every Pod of the Deployment must run it, and there must be Pods', async (t) => {
  const r = available.grade(solved, params({ image: 'nginx:1.27.7' }), ctx);
  t.equal(r.status, 'fail');
  t.same(r.mismatches, [
    { path: 'Pod/payment-api-6d8c75bbf-45xsr image', got: '["nginx:1.27.6"]', expected: 'nginx:1.27.7' },
    { path: 'Pod/payment-api-6d8c75bbf-vjwwb image', got: '["nginx:1.27.6"]', expected: 'nginx:1.27.7' },
  ]);
  t.equal(r.expected, 'Available=True, 2/2 ready on nginx:1.27.7');
  const oneOld = variant(solved, (e) => {
    staging(e).objects['Pod']![1]!['spec'] = { containers: [{ name: 'app', image: 'nginx:1.27.5' }] };
  });
  t.same(available.grade(oneOld, params({ image: 'nginx:1.27.6' }), ctx).mismatches, [
    { path: 'Pod/payment-api-6d8c75bbf-vjwwb image', got: '["nginx:1.27.5"]', expected: 'nginx:1.27.6' },
  ]);
  const noPods = variant(solved, (e) => (staging(e).objects['Pod'] = []));
  t.same(available.grade(noPods, params({ image: 'nginx:1.27.6' }), ctx).mismatches, [{ path: 'Deployment/payment-api Pods', got: '0', expected: 'running nginx:1.27.6' }]);
  t.equal(available.grade(noPods, params(), ctx).status, 'pass', 'without an image, Pods are not inspected');
});

t.test('a missing Deployment fails; missing cluster evidence cannot be judged', async (t) => {
  const gone = variant(solved, (e) => (staging(e).objects['Deployment'] = []));
  const r = available.grade(gone, params(), ctx);
  t.same({ status: r.status, message: r.message, expected: r.expected, actual: r.actual }, {
    status: 'fail',
    message: 'Deployment/payment-api does not exist in payments-staging-3e0016.',
    expected: 'Available',
    actual: 'absent',
  });
  t.equal(available.grade(solved, params({ environment: 'prod' }), ctx).status, 'error');
});

t.test('describe, as the generated READMEs show it', async (t) => {
  t.equal(available.describe(params()), 'Deployment/payment-api in staging Available');
  t.equal(available.describe(params({ replicas: 3, image: 'nginx:1.27.6' })), 'Deployment/payment-api in staging Available with 3 ready on nginx:1.27.6');
  t.equal(available.describe(params({ replicas: 0 })), 'Deployment/payment-api in staging Available with 0 ready');
  t.same([available.name, available.boundary], ['health.available', 'health']);
  t.notOk(available.params.safeParse({ environment: 'staging', deployment: 'payment-api', replicas: -1 }).success, 'replicas is not negative');
  t.notOk(available.params.safeParse({ environment: '', deployment: 'payment-api' }).success);
  t.notOk(available.params.safeParse({ environment: 'staging', deployment: '' }).success);
  t.notOk(available.params.safeParse({ environment: 'staging', deployment: 'x', image: '' }).success);
});

t.test('survivors of mutation testing: a Pod with a sidecar, a Pod without containers, the summary', async (t) => {
  const sidecar = variant(solved, (e) => {
    for (const p of staging(e).objects['Pod']!) p['spec'] = { containers: [{ name: 'proxy', image: 'envoy:1.31' }, { name: 'app', image: 'nginx:1.27.6' }] };
  });
  t.equal(available.grade(sidecar, params({ image: 'nginx:1.27.6' }), ctx).status, 'pass', 'one container of each Pod runs the image: enough');
  const empty = variant(solved, (e) => {
    staging(e).objects['Pod']![0]!['spec'] = {};
  });
  t.same(available.grade(empty, params({ image: 'nginx:1.27.6' }), ctx).mismatches, [{ path: 'Pod/payment-api-6d8c75bbf-45xsr image', got: '[]', expected: 'nginx:1.27.6' }]);
  t.equal(available.summary, 'A Deployment is Available with all desired replicas ready, optionally running an expected image.');
});
