import t from 'tap';
import { probePort } from '../../../graders/render/probe-port.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const ctx = { controller: 'flux' as const };
const params = probePort.params.parse({ environment: 'staging', name: 'payment-api' });

t.test('the seeded probe port matches no container port; the fix does', async (t) => {
  const broken = probePort.grade(fixture('readiness-broken', 'flux', 'faults'), params, ctx);
  t.equal(broken.status, 'fail');
  t.match(broken.mismatches?.[0], { path: 'Deployment/payment-api containers[payment-api].readinessProbe port', expected: /http=8080/ });
  t.equal(probePort.grade(fixture('readiness-broken', 'flux', 'solution'), params, ctx).status, 'pass');
});

t.test('a probe on the named port counts as a declared port', async (t) => {
  const e = variant(fixture('readiness-broken', 'flux', 'faults'), (x) => {
    const d = x.render.environments.find((r) => r.name === 'staging')!.head as { objects: Record<string, unknown>[] };
    const dep = d.objects.find((o) => o['kind'] === 'Deployment') as { spec: { template: { spec: { containers: { readinessProbe: { httpGet: { port: unknown } } }[] } } } };
    dep.spec.template.spec.containers[0]!.readinessProbe.httpGet.port = 'http';
  });
  t.equal(probePort.grade(e, params, ctx).status, 'pass');
});

type Dep = { spec: { template: { spec: { containers: Record<string, any>[] } } } };
/** The recorded seed's staging Deployment, changed. */
const seedWith = (change: (containers: Record<string, any>[]) => void) =>
  variant(fixture('readiness-broken', 'flux', 'faults'), (x) => {
    const d = x.render.environments.find((r) => r.name === 'staging')!.head as { objects: Record<string, unknown>[] };
    change((d.objects.find((o) => o['kind'] === 'Deployment') as Dep).spec.template.spec.containers);
  });

t.test('a named probe port must be a name the container declares', async (t) => {
  const r = probePort.grade(seedWith((cs) => (cs[0]!['readinessProbe'].httpGet.port = 'metrics')), params, ctx);
  t.equal(r.status, 'fail');
  t.same(r.mismatches![0]!.got, '"metrics"');
  t.equal(r.message, "Deployment/payment-api's readiness probe targets a port no container declares.");
  t.match(r.why, 'never become Ready');
});

t.test('tcpSocket and grpc probes are checked like httpGet; a container without a probe is not', async (t) => {
  const tcp = seedWith((cs) => (cs[0]!['readinessProbe'] = { tcpSocket: { port: 9090 } }));
  t.same(probePort.grade(tcp, params, ctx).mismatches!.map((m) => m.got), ['9090']);
  t.equal(probePort.grade(seedWith((cs) => (cs[0]!['readinessProbe'] = { tcpSocket: { port: 8080 } })), params, ctx).status, 'pass');
  const grpc = seedWith((cs) => (cs[0]!['readinessProbe'] = { grpc: { port: 9090 } }));
  t.same(probePort.grade(grpc, params, ctx).mismatches!.map((m) => m.got), ['9090']);
  t.equal(probePort.grade(seedWith((cs) => delete cs[0]!['readinessProbe']), params, ctx).status, 'pass', 'nothing to check');
  t.equal(probePort.grade(seedWith((cs) => (cs[0]!['readinessProbe'] = { exec: { command: ['true'] } })), params, ctx).status, 'pass', 'an exec probe has no port');
});

t.test('every declared port counts, not only the first; no ports at all reads none', async (t) => {
  const second = seedWith((cs) => {
    cs[0]!['ports'] = [{ name: 'metrics', containerPort: 9100 }, { containerPort: 9090 }];
  });
  t.equal(probePort.grade(second, params, ctx).status, 'pass', 'the probe port is the second one declared');
  const r = probePort.grade(seedWith((cs) => delete cs[0]!['ports']), params, ctx);
  t.equal(r.mismatches![0]!.expected, 'one of the declared ports (none)');
  const listed = probePort.grade(seedWith((cs) => (cs[0]!['ports'] = [{ name: 'http', containerPort: 8080 }, { containerPort: 8081 }])), params, ctx);
  t.equal(listed.mismatches![0]!.expected, 'one of the declared ports (http=8080, 8081)');
});

t.test('two containers with wrong ports: both named, joined in expected and actual', async (t) => {
  const r = probePort.grade(
    seedWith((cs) => cs.push({ ...structuredClone(cs[0]!), name: 'sidecar', ports: [{ containerPort: 7000 }] })),
    params,
    ctx,
  );
  t.same(r.mismatches!.map((m) => m.path), ['Deployment/payment-api containers[payment-api].readinessProbe port', 'Deployment/payment-api containers[sidecar].readinessProbe port']);
  t.equal(r.actual, '9090; 9090');
  t.equal(r.expected, 'one of the declared ports (http=8080); one of the declared ports (7000)');
});

t.test('no such environment, a render error, no such object', async (t) => {
  const solved = fixture('readiness-broken', 'flux', 'solution');
  const none = probePort.grade(solved, probePort.params.parse({ environment: 'qa', name: 'payment-api' }), ctx);
  t.same([none.status, none.message], ['error', 'The evidence has no render for "qa".']);
  const broken = variant(solved, (x) => void (x.render.environments.find((r) => r.name === 'staging')!.head = { ok: false, reason: 'kustomize', error: 'boom\nat line 2' }));
  const r = probePort.grade(broken, params, ctx);
  t.same([r.status, r.message, r.actual], ['fail', 'staging does not render.', 'boom']);
  const absent = probePort.grade(solved, probePort.params.parse({ environment: 'staging', name: 'checkout' }), ctx);
  t.same([absent.status, absent.message, absent.expected, absent.actual], ['fail', 'Deployment/checkout is not in the staging render.', 'present', 'absent']);
  t.equal(probePort.grade(solved, params, ctx).message, "Deployment/payment-api's readiness probes target declared ports.");
  t.equal(probePort.describe(params), 'staging Deployment/payment-api readiness probes target declared container ports');
});
