import t from 'tap';
import { getPath, parsePath, PathSyntaxError, resolvePath } from '../../../graders/lib/object-path.js';

const deployment = {
  metadata: { labels: { 'app.kubernetes.io/name': 'payment-api' } },
  spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'envoy' }, { name: 'payment-api', image: 'nginx:1.27.5' }] } } },
};

t.test('reads keys, indexes, quoted keys and field=value matches', async (t) => {
  t.equal(getPath(deployment, 'spec.template.spec.containers[1].image'), 'nginx:1.27.5');
  t.equal(getPath(deployment, 'spec.template.spec.containers[name=payment-api].image'), 'nginx:1.27.5');
  t.equal(getPath(deployment, 'metadata.labels["app.kubernetes.io/name"]'), 'payment-api');
  t.equal(getPath(deployment, 'spec.template.spec.containers[name=missing].image'), undefined);
  t.equal(getPath(deployment, 'spec.replicas'), undefined);
});

t.test('resolves to concrete keys for writing', async (t) => {
  t.same(resolvePath(deployment, 'spec.template.spec.containers[name=payment-api].image'), ['spec', 'template', 'spec', 'containers', 1, 'image']);
});

t.test('rejects malformed paths with the path in the message', async (t) => {
  t.throws(() => parsePath('spec.containers[name'), { name: 'PathSyntaxError', message: /never closed/ });
  t.throws(() => parsePath('spec.containers[=x]'), /neither an index/);
  t.throws(() => parsePath(''), /empty path/);
});
