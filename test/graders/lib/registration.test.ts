/**
 * Registrations read from Git the way the controllers read them: Argo CD Applications, Flux Kustomizations with
 * their GitRepository. Trees are built from the shapes in the bank's platform/clusters/ (and the controllers' docs:
 * source-controller's ref precedence, Argo CD's automated.enabled and default targetRevision HEAD).
 */
import t from 'tap';
import { findRegistrations, fluxValuesFiles, normalisePath, sameBranch } from '../../../graders/lib/registration.js';
import type { TreeSnapshot } from '../../../harness/model/evidence.js';

const tree = (files: Record<string, unknown[]>): TreeSnapshot => ({ sha: 'x', files: Object.fromEntries(Object.entries(files).map(([f, docs]) => [f, { blob: f, docs }])) });
const DIR = 'platform/clusters/staging';

const application = (spec: Record<string, unknown>, over: Record<string, unknown> = {}) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'payment-api-staging' },
  spec,
  ...over,
});

t.test('sameBranch: the spellings each controller resolves to one branch', async (t) => {
  t.ok(sameBranch('main', 'main', 'main'));
  t.ok(sameBranch('refs/heads/main', 'main', 'main'));
  t.ok(sameBranch(' main ', 'refs/heads/main', 'main'), 'spaces around');
  t.ok(sameBranch('HEAD', 'main', 'main'), 'HEAD when HEAD is main');
  t.notOk(sameBranch('HEAD', 'main', 'develop'), 'HEAD when HEAD is another branch');
  t.ok(sameBranch('main', 'HEAD', 'main'));
  t.notOk(sameBranch('release', 'main', 'main'));
  t.notOk(sameBranch('refs/tags/main', 'main', 'main'), 'a tag is not the branch');
  t.notOk(sameBranch(undefined, 'main', 'main'));
});

t.test('normalisePath: one spelling per directory', async (t) => {
  t.equal(normalisePath(undefined), undefined);
  t.equal(normalisePath('apps/payment-api/overlays/staging'), 'apps/payment-api/overlays/staging');
  t.equal(normalisePath('./apps/x/'), 'apps/x');
  t.equal(normalisePath('././apps/x//'), 'apps/x');
  t.equal(normalisePath(' apps/x '), 'apps/x');
  t.equal(normalisePath('./'), '.');
  t.equal(normalisePath(''), '.');
  t.equal(normalisePath('.'), '.');
});

t.test('Argo CD: every field read, with the controller\'s defaults', async (t) => {
  const [r] = findRegistrations(
    tree({
      [`${DIR}/argocd/app.yaml`]: [
        application({
          project: 'payments',
          source: { repoURL: 'http://git/lab.git', targetRevision: 'main', path: './apps/payment-api/overlays/staging/' },
          destination: { namespace: 'payments-staging' },
          syncPolicy: { automated: { prune: true, selfHeal: true } },
        }),
      ],
    }),
    DIR,
    'argocd',
  );
  t.same(r, {
    controller: 'argocd',
    file: `${DIR}/argocd/app.yaml`,
    name: 'payment-api-staging',
    repoURL: 'http://git/lab.git',
    revision: 'main',
    path: 'apps/payment-api/overlays/staging',
    automated: true,
    prune: true,
    selfHeal: true,
    suspended: false,
    destinationNamespace: 'payments-staging',
    project: 'payments',
    serviceAccountName: undefined,
    written: { prune: true, selfHeal: true },
  });
  const [bare] = findRegistrations(tree({ [`${DIR}/app.yaml`]: [application({})] }), DIR, 'argocd');
  t.same(
    [bare!.revision, bare!.path, bare!.project, bare!.automated, bare!.prune, bare!.selfHeal, bare!.suspended, bare!.repoURL, bare!.destinationNamespace],
    ['HEAD', undefined, 'default', false, false, false, true, undefined, undefined],
    'no targetRevision is HEAD, no project is default, no automated sync is manual',
  );
  const [noName] = findRegistrations(tree({ [`${DIR}/app.yaml`]: [application({}, { metadata: {} })] }), DIR, 'argocd');
  t.equal(noName!.name, '');
});

t.test('Argo CD: automated as the controller reads it: enabled false, strings, a list are not on', async (t) => {
  const one = (automated: unknown) => findRegistrations(tree({ [`${DIR}/app.yaml`]: [application({ syncPolicy: { automated } })] }), DIR, 'argocd')[0]!;
  const off = one({ enabled: false, prune: true, selfHeal: true });
  t.same([off.automated, off.prune, off.selfHeal, off.suspended], [false, false, false, true]);
  const strings = one({ prune: 'true', selfHeal: 'true' });
  t.same([strings.automated, strings.prune, strings.selfHeal], [true, false, false], 'the string "true" is not true');
  t.same(strings.written, { prune: 'true', selfHeal: 'true' }, 'what was written is kept for the message');
  const empty = one({});
  t.same([empty.automated, empty.prune, empty.selfHeal, empty.suspended], [true, false, false, false]);
  t.equal(one(null).automated, false);
  t.equal(one([{ prune: true }]).automated, false);
  t.equal(one({ enabled: true, prune: true }).prune, true);
});

t.test('only documents of the right kind and API group count', async (t) => {
  const docs = [
    application({}, { apiVersion: 'example.com/v1' }),
    application({}, { kind: 'ApplicationSet' }),
    { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [] },
    { kind: 'Application' },
  ];
  t.same(findRegistrations(tree({ [`${DIR}/x.yaml`]: docs }), DIR, 'argocd'), []);
  t.same(findRegistrations(tree({ [`${DIR}/x.yaml`]: docs }), DIR, 'flux'), [], 'a kustomize Kustomization is no Flux Kustomization');
});

const kustomization = (spec: Record<string, unknown>, name = 'payment-api-staging') => ({ apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', metadata: { name }, spec });
const gitRepository = (spec: Record<string, unknown>, name = 'payment-api-staging', apiVersion = 'source.toolkit.fluxcd.io/v1') => ({ apiVersion, kind: 'GitRepository', metadata: { name }, spec });

t.test('Flux: every field read through the Kustomization and its GitRepository', async (t) => {
  const [r] = findRegistrations(
    tree({
      [`${DIR}/flux/repo.yaml`]: [gitRepository({ url: 'http://git/lab.git', ref: { branch: 'main' } }), gitRepository({ url: 'http://other', ref: { branch: 'x' } }, 'other')],
      [`${DIR}/flux/ks.yaml`]: [kustomization({ sourceRef: { kind: 'GitRepository', name: 'payment-api-staging' }, path: './apps/payment-api/overlays/staging', prune: true, targetNamespace: 'payments-staging', serviceAccountName: 'staging-deployer' })],
    }),
    DIR,
    'flux',
  );
  t.same(r, {
    controller: 'flux',
    file: `${DIR}/flux/ks.yaml`,
    name: 'payment-api-staging',
    repoURL: 'http://git/lab.git',
    revision: 'main',
    path: 'apps/payment-api/overlays/staging',
    automated: true,
    prune: true,
    selfHeal: true,
    suspended: false,
    destinationNamespace: 'payments-staging',
    project: undefined,
    serviceAccountName: 'staging-deployer',
    written: { prune: true, selfHeal: undefined },
  });
});

t.test('Flux: ref precedence commit > name > semver > tag > branch, master by default; a missing source has none', async (t) => {
  const rev = (ref: unknown, withRepo = true) =>
    findRegistrations(
      tree({ [`${DIR}/f.yaml`]: [...(withRepo ? [gitRepository({ url: 'u', ref })] : []), kustomization({ sourceRef: { name: 'payment-api-staging' } })] }),
      DIR,
      'flux',
    )[0]!.revision;
  const all = { commit: 'abc123', name: 'refs/heads/main', semver: '1.x', tag: 'v1', branch: 'dev' };
  t.equal(rev(all), 'abc123');
  t.equal(rev({ ...all, commit: undefined }), 'refs/heads/main');
  t.equal(rev({ semver: '1.x', tag: 'v1', branch: 'dev' }), '1.x');
  t.equal(rev({ tag: 'v1', branch: 'dev' }), 'v1');
  t.equal(rev({ branch: 'dev' }), 'dev');
  t.equal(rev({}), 'master');
  t.equal(rev(undefined), 'master');
  t.equal(rev({ branch: 5 }), 'master', 'a number is no branch name');
  t.equal(rev({}, false), undefined);
});

t.test('Flux: suspended, prune as written, the path default, names and groups', async (t) => {
  const one = (spec: Record<string, unknown>, extra: unknown[] = []) =>
    findRegistrations(tree({ [`${DIR}/f.yaml`]: [gitRepository({ url: 'u' }), ...extra, kustomization({ sourceRef: { name: 'payment-api-staging' }, ...spec })] }), DIR, 'flux')[0]!;
  const suspended = one({ suspend: true, prune: true });
  t.same([suspended.automated, suspended.selfHeal, suspended.suspended, suspended.prune], [false, false, true, true]);
  t.equal(one({ suspend: 'true' }).suspended, false, 'the string "true" does not suspend');
  const strings = one({ prune: 'true' });
  t.same([strings.prune, strings.written.prune], [false, 'true']);
  t.equal(one({}).path, '.', 'no path is the repository root');
  t.equal(one({ path: './' }).path, '.');
  t.equal(one({}).repoURL, 'u');
  const otherGroup = findRegistrations(
    tree({ [`${DIR}/f.yaml`]: [gitRepository({ url: 'u' }, 'payment-api-staging', 'example.com/v1'), kustomization({ sourceRef: { name: 'payment-api-staging' } })] }),
    DIR,
    'flux',
  )[0]!;
  t.same([otherGroup.repoURL, otherGroup.revision], [undefined, undefined], 'a GitRepository of another API group is no source');
  const unnamed = findRegistrations(tree({ [`${DIR}/f.yaml`]: [{ apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', spec: {} }] }), DIR, 'flux')[0]!;
  t.same([unnamed.name, unnamed.repoURL, unnamed.revision], ['', undefined, undefined]);
});

t.test('Flux HelmRelease registrations: chart path, source, release name, valuesFiles; after the Kustomizations', async (t) => {
  const ns = 'payments-staging';
  const repo = { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', metadata: { name: 'lab', namespace: ns }, spec: { url: 'http://127.0.0.1/lab.git', ref: { branch: 'main' } } };
  const hr = (spec: Record<string, unknown>) => ({ apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', metadata: { name: 'payment-api', namespace: ns }, spec });
  const chart = { chart: { spec: { chart: './charts/payment-api/', sourceRef: { kind: 'GitRepository', name: 'lab' }, valuesFiles: ['charts/payment-api/values.yaml', 'charts/payment-api/values-staging.yaml'] } } };
  const [r] = findRegistrations(tree({ [`${DIR}/flux/hr.yaml`]: [repo, hr({ ...chart, targetNamespace: ns, serviceAccountName: 'deployer' })] }), `${DIR}/flux`, 'flux');
  t.match(r, { name: 'payment-api', namespace: ns, repoURL: 'http://127.0.0.1/lab.git', revision: 'main', path: 'charts/payment-api', destinationNamespace: ns, serviceAccountName: 'deployer', suspended: false, selfHeal: false, prune: true });
  t.same(r!.helm, { releaseName: `${ns}-payment-api`, valueFiles: ['values-staging.yaml'] });
  const [drift] = findRegistrations(tree({ [`${DIR}/flux/hr.yaml`]: [repo, hr({ ...chart, driftDetection: { mode: 'enabled' }, releaseName: 'payment-api' })] }), `${DIR}/flux`, 'flux');
  t.equal(drift!.selfHeal, true, 'drift detection enabled: helm-controller corrects live drift');
  t.equal(drift!.helm?.releaseName, 'payment-api');
  const [suspended] = findRegistrations(tree({ [`${DIR}/flux/hr.yaml`]: [repo, hr({ ...chart, suspend: true, driftDetection: { mode: 'enabled' } })] }), `${DIR}/flux`, 'flux');
  t.match(suspended, { suspended: true, automated: false, selfHeal: false });
  const [other] = findRegistrations(tree({ [`${DIR}/flux/hr.yaml`]: [repo, hr({ chart: { spec: { chart: 'payment-api', sourceRef: { kind: 'HelmRepository', name: 'lab' } } } })] }), `${DIR}/flux`, 'flux');
  t.match(other, { repoURL: undefined, revision: undefined }, 'a chart from a Helm repository is not the lab repository');
  const both = findRegistrations(tree({ [`${DIR}/flux/a.yaml`]: [hr(chart)], [`${DIR}/flux/b.yaml`]: [kustomization({ path: './x', sourceRef: { name: 'payment-api-staging' } })] }), `${DIR}/flux`, 'flux');
  t.same(both.map((x) => x.helm === undefined ? 'Kustomization' : 'HelmRelease'), ['Kustomization', 'HelmRelease'], 'a directory with both registers with its Kustomization');
});

t.test("fluxValuesFiles: Flux's valuesFiles as Argo CD's valueFiles would say them", async (t) => {
  t.same(fluxValuesFiles('charts/app', ['charts/app/values.yaml', './charts/app/values-staging.yaml']), { valueFiles: ['values-staging.yaml'] });
  t.same(fluxValuesFiles('./charts/app/', ['charts/app/values.yaml']), { valueFiles: [] });
  t.same(fluxValuesFiles('charts/app', ['charts/app/values-staging.yaml']), { valueFiles: ['values-staging.yaml'], chartValues: false }, 'the chart values.yaml left out');
  t.same(fluxValuesFiles('charts/app', []), { valueFiles: [] }, "none: Flux renders with the chart's values.yaml alone");
  t.same(fluxValuesFiles('charts/app', ['env/staging.yaml', 'charts/app/values.yaml']), { valueFiles: ['env/staging.yaml', 'values.yaml'], chartValues: false }, 'outside the chart: from the repository root');
});
