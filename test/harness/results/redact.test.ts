/** Secret redaction: values of Secret data and stringData are blanked wherever a Secret appears. */
import t from 'tap';
import { Evidence } from '../../../harness/model/evidence.js';
import { REDACTED, redactEvidence, redactValue } from '../../../harness/results/redact.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const secret = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: {
    name,
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"password":"aHVudGVyMg=="}}', team: 'payments' },
  },
  type: 'Opaque',
  data: { password: 'aHVudGVyMg==', token: 'c2VjcmV0' },
  stringData: { url: 'postgres://app:hunter2@db/payments' },
});

const base = fixture('promote-staging-image', 'argocd', 'solution');
const withSecrets = variant(base, (e) => {
  const file = Object.keys(e.git.head.files)[0]!;
  e.git.head.files[file]!.docs!.push(secret('in-git-tree'));
  e.git.seed.files[file]!.docs!.push(secret('in-seed-tree'));
  const env = e.render.environments[0]!;
  if (env.head.ok) env.head.objects.push(secret('rendered'));
  e.cluster = {
    controller: 'argocd',
    collectedAt: '2026-01-02T01:00:00.000Z',
    handoverAt: '2026-01-02T00:00:00.000Z',
    environments: {
      staging: {
        namespace: 'payment-staging',
        // A Secret listed live, and one nested in another object (a List inside the Application's status).
        application: { kind: 'Application', status: { resources: [{ kind: 'List', items: [secret('nested')] }] } },
        objects: { Secret: [secret('live')] },
      },
    },
    changes: [],
    changeSources: [],
  };
});

t.test('every Secret, in Git trees, renders and cluster evidence, keeps its keys and loses its values', async (t) => {
  const red = redactEvidence(withSecrets);
  const text = JSON.stringify(red);
  t.notMatch(text, 'aHVudGVyMg==');
  t.notMatch(text, 'c2VjcmV0');
  t.notMatch(text, 'hunter2');
  const found: Record<string, unknown>[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if ((v as { kind?: unknown }).kind === 'Secret') found.push(v as Record<string, unknown>);
      Object.values(v).forEach(walk);
    }
  };
  walk(red);
  t.same(found.map((s) => (s['metadata'] as { name: string }).name).sort(), ['in-git-tree', 'in-seed-tree', 'live', 'nested', 'rendered']);
  for (const s of found) {
    t.same(s['data'], { password: REDACTED, token: REDACTED });
    t.same(s['stringData'], { url: REDACTED });
    t.same((s['metadata'] as { annotations: unknown }).annotations, { 'kubectl.kubernetes.io/last-applied-configuration': REDACTED, team: 'payments' });
    t.equal(s['type'], 'Opaque', 'everything else stays');
  }
  t.ok(Evidence.safeParse(red).success, 'still valid evidence');
});

t.test('redaction is pure and leaves everything that is not a Secret alone', async (t) => {
  const before = JSON.stringify(withSecrets);
  redactEvidence(withSecrets);
  t.equal(JSON.stringify(withSecrets), before, 'the input is unchanged');
  t.same(redactEvidence(base), base, 'evidence without Secrets comes back equal');
  const cm = { kind: 'ConfigMap', data: { password: 'plain' } };
  t.same(redactValue(cm), cm);
  t.same(redactValue({ kind: 'Secret', metadata: { name: 'empty' } }), { kind: 'Secret', metadata: { name: 'empty' } });
});

t.test('odd Secrets: data that is not a map is blanked whole, null stays null, other metadata stays', async (t) => {
  t.same(redactValue({ kind: 'Secret', data: 'aHVudGVyMg==' }), { kind: 'Secret', data: REDACTED });
  t.same(redactValue({ kind: 'Secret', data: ['aHVudGVyMg=='] }), { kind: 'Secret', data: REDACTED });
  t.same(redactValue({ kind: 'Secret', data: null, stringData: undefined }), { kind: 'Secret', data: null, stringData: undefined });
  t.same(redactValue({ kind: 'Secret', metadata: { name: 's', annotations: { team: 'payments' } } }), { kind: 'Secret', metadata: { name: 's', annotations: { team: 'payments' } } });
  t.same(redactValue({ kind: 'Secret', metadata: { name: 's', annotations: 'not-a-map' } }), { kind: 'Secret', metadata: { name: 's', annotations: 'not-a-map' } });
  t.same(redactValue({ kind: 'Secret', status: { copy: secret('inner') } }), { kind: 'Secret', status: { copy: redactValue(secret('inner')) } }, 'a Secret inside a Secret is redacted too');
  t.notMatch(JSON.stringify(redactValue({ kind: 'Secret', status: { copy: secret('inner') } })), 'hunter2');
  t.same(redactValue([1, 'a', null, { kind: 'Secret', data: { k: 'v' } }]), [1, 'a', null, { kind: 'Secret', data: { k: REDACTED } }]);
  t.equal(REDACTED, '(redacted)');
});

t.test('only the Secret\'s own metadata loses its last-applied annotation', async (t) => {
  const other = { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': 'kept' } };
  t.same(redactValue({ kind: 'Secret', spec: other, metadata: { name: 's' } }), { kind: 'Secret', spec: other, metadata: { name: 's' } });
});
