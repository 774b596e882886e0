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
