/**
 * The Applications an ApplicationSet in Git generates, read from the tree as argo-cd v3.5.1's applicationset-controller
 * generates them (git directory generator: path.Match patterns, exclude entries; list generator; fasttemplate and
 * plain goTemplate field references), and registrations found through them.
 */
import t from 'tap';
import { expandApplicationSets, pathMatchRegExp, treeDirectories } from '../../../graders/lib/applicationset.js';
import { findRegistrations, registrationFor } from '../../../graders/lib/registration.js';
import type { TreeSnapshot } from '../../../harness/model/evidence.js';

const OVERLAYS = 'apps/payment-api/overlays';
const kustomization = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization' };
const tree = (appset: unknown, extra: Record<string, unknown[]> = {}): TreeSnapshot => ({
  sha: 'x',
  files: Object.fromEntries(
    Object.entries({
      'apps/payment-api/base/kustomization.yaml': [kustomization],
      ...Object.fromEntries(['dev', 'staging', 'prod', 'local'].map((e) => [`${OVERLAYS}/${e}/kustomization.yaml`, [kustomization]])),
      '.github/workflows/ci.yaml': [{}],
      'platform/argocd/payment-api.yaml': [appset],
      ...extra,
    }).map(([f, docs]) => [f, { blob: f, docs }]),
  ),
});
const appset = (generators: unknown[], over: Record<string, unknown> = {}) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'ApplicationSet',
  metadata: { name: 'payment-api-abc123', namespace: 'argocd' },
  spec: {
    generators,
    template: {
      metadata: { name: 'payment-api-{{path.basename}}-abc123' },
      spec: {
        project: 'lab-abc123',
        source: { repoURL: 'http://127.0.0.1:1/r.git', targetRevision: 'main', path: '{{path}}' },
        destination: { server: 'https://kubernetes.default.svc', namespace: 'payments-{{path.basename}}-abc123' },
        syncPolicy: { automated: { prune: true, selfHeal: true } },
      },
    },
    ...over,
  },
});
const dirs = (...paths: (string | [string, boolean])[]) => [{ git: { repoURL: 'http://127.0.0.1:1/r.git', revision: 'main', directories: paths.map((p) => (typeof p === 'string' ? { path: p } : { path: p[0], exclude: p[1] })) } }];
const names = (tr: TreeSnapshot) => expandApplicationSets(tr, 'platform/argocd').flatMap((s) => s.applications.map((a) => (a['metadata'] as { name: string }).name));

t.test("path.Match: '*' and '?' stop at '/', classes, escapes", async (t) => {
  const m = (p: string, s: string) => pathMatchRegExp(p)!.test(s);
  t.ok(m(`${OVERLAYS}/*`, `${OVERLAYS}/staging`));
  t.notOk(m(`${OVERLAYS}/*`, `${OVERLAYS}/staging/extra`), 'a * never crosses /');
  t.notOk(m('apps/*', `${OVERLAYS}/staging`));
  t.ok(m(`${OVERLAYS}/st?ging`, `${OVERLAYS}/staging`));
  t.ok(m(`${OVERLAYS}/[sp]*`, `${OVERLAYS}/prod`));
  t.notOk(m(`${OVERLAYS}/[^sp]*`, `${OVERLAYS}/prod`));
  t.ok(m(`${OVERLAYS}/[^sp]*`, `${OVERLAYS}/dev`));
  t.notOk(m(`${OVERLAYS}/stage`, `${OVERLAYS}/staging`), 'a literal is the whole name');
  t.ok(m('a\\*b', 'a*b'));
  t.equal(pathMatchRegExp('a[b'), undefined, 'a class never closed is an error, as in Go');
});

t.test('the directories of a tree: every directory holding a file, none hidden', async (t) => {
  const d = treeDirectories(tree(appset([])));
  t.ok(d.includes(`${OVERLAYS}/local`));
  t.ok(d.includes('apps'));
  t.notOk(d.some((x) => x.startsWith('.github')), 'hidden directories are not generated');
});

t.test('git directory generator: only directories that exist, excludes win', async (t) => {
  t.same(names(tree(appset(dirs(`${OVERLAYS}/dev`, `${OVERLAYS}/stage`, `${OVERLAYS}/prod`)))), ['payment-api-dev-abc123', 'payment-api-prod-abc123'], 'the typo yields nothing for staging');
  t.same(names(tree(appset(dirs(`${OVERLAYS}/dev`, `${OVERLAYS}/staging`, `${OVERLAYS}/prod`)))), ['payment-api-dev-abc123', 'payment-api-prod-abc123', 'payment-api-staging-abc123'], 'in tree order');
  t.same(names(tree(appset(dirs(`${OVERLAYS}/*`)))), ['payment-api-dev-abc123', 'payment-api-local-abc123', 'payment-api-prod-abc123', 'payment-api-staging-abc123'], 'a glob takes local too');
  t.same(names(tree(appset(dirs(`${OVERLAYS}/*`, [`${OVERLAYS}/local`, true])))), ['payment-api-dev-abc123', 'payment-api-prod-abc123', 'payment-api-staging-abc123'], 'exclude: true removes it');
  const [set] = expandApplicationSets(tree(appset(dirs(`${OVERLAYS}/staging`))), 'platform/argocd');
  t.same(set!.applications[0], {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: 'payment-api-staging-abc123', namespace: 'argocd' },
    spec: {
      project: 'lab-abc123',
      source: { repoURL: 'http://127.0.0.1:1/r.git', targetRevision: 'main', path: `${OVERLAYS}/staging` },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'payments-staging-abc123' },
      syncPolicy: { automated: { prune: true, selfHeal: true } },
    },
  });
  t.same(set!.unsupported, []);
});

t.test('parameters: path[N], basenameNormalized, unknown ones left as written; goTemplate field references', async (t) => {
  const withName = (name: string, over: Record<string, unknown> = {}) => {
    const a = appset(dirs(`${OVERLAYS}/staging`), over);
    (a.spec.template.metadata as { name: string }).name = name;
    return expandApplicationSets(tree(a), 'platform/argocd')[0]!;
  };
  t.equal((withName('{{path[1]}}-{{ path[3] }}').applications[0]!['metadata'] as { name: string }).name, 'payment-api-staging');
  t.equal((withName('x-{{nope}}').applications[0]!['metadata'] as { name: string }).name, 'x-{{nope}}', 'fasttemplate keeps an unknown tag');
  t.equal((withName('{{ .path.basename }}-x', { goTemplate: true }).applications[0]!['metadata'] as { name: string }).name, 'staging-x');
  const fn = withName('{{ .path.basename | upper }}', { goTemplate: true });
  t.match(fn.unsupported, [/template expression/], 'a pipeline is reported, not guessed');
});

t.test('list generator, and what is not read', async (t) => {
  const list = appset([{ list: { elements: [{ env: 'dev' }, { env: 'stagging' }, { env: 'prod' }] } }]);
  list.spec.template.metadata = { name: 'payment-api-{{env}}' };
  (list.spec.template.spec.source as { path: string }).path = `${OVERLAYS}/{{env}}`;
  const [set] = expandApplicationSets(tree(list), 'platform/argocd');
  t.same(set!.applications.map((a) => (a['spec'] as { source: { path: string } }).source.path), [`${OVERLAYS}/dev`, `${OVERLAYS}/stagging`, `${OVERLAYS}/prod`], 'a list yields what it lists, existing or not');
  const odd = expandApplicationSets(tree(appset([{ matrix: { generators: [] } }, { git: { repoURL: 'x', files: [{ path: 'a.json' }] } }], { templatePatch: 'x' })), 'platform/argocd')[0]!;
  t.same(odd.applications, []);
  t.match(odd.unsupported, ['templatePatch', /generators\[0\] \(matrix\)/, 'generators[1].git.files']);
});

t.test('registrations: written Applications first, then generated ones; an environment sharing the directory gets its own or none', async (t) => {
  const written = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'payment-api-staging-abc123' }, spec: { source: { path: `${OVERLAYS}/staging` } } };
  const regs = findRegistrations(tree(appset(dirs(`${OVERLAYS}/dev`, `${OVERLAYS}/prod`)), { 'platform/argocd/staging.yaml': [written] }), 'platform/argocd', 'argocd');
  t.same(regs.map((r) => [r.name, r.generatedBy ?? null]), [['payment-api-staging-abc123', null], ['payment-api-dev-abc123', 'payment-api-abc123'], ['payment-api-prod-abc123', 'payment-api-abc123']]);
  t.same(regs[1]!.destinationNamespace, 'payments-dev-abc123');
  t.equal(regs[1]!.automated, true);
  const shared = (env: string) => ['dev', 'staging', 'prod'].filter((e) => e !== env).map((e) => `${OVERLAYS}/${e}`);
  const generated = findRegistrations(tree(appset(dirs(`${OVERLAYS}/dev`, `${OVERLAYS}/stage`, `${OVERLAYS}/prod`))), 'platform/argocd', 'argocd');
  t.equal(registrationFor(generated, `${OVERLAYS}/staging`, shared('staging')), undefined, "staging never gets dev's Application");
  t.equal(registrationFor(generated, `${OVERLAYS}/prod`, shared('prod'))!.name, 'payment-api-prod-abc123');
  t.equal(registrationFor(generated, `${OVERLAYS}/staging`)!.name, 'payment-api-dev-abc123', 'a directory of its own: the first, as before');
});
