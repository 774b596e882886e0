import t from 'tap';
import { registration } from '../../../graders/git/registration.js';
import { sameBranch } from '../../../graders/lib/registration.js';
import { fixture, variant } from '../../helpers/fixtures.js';
import type { Evidence } from '../../../harness/model/evidence.js';

const ARGO = 'platform/clusters/staging/argocd/payment-api.yaml';
const FLUX = 'platform/clusters/staging/flux/payment-api.yaml';
const tracksMain = registration.params.parse({ environment: 'staging', expect: { revision: 'main' } });

/** The recorded stale-branch solution with the staging registration's documents changed. */
function edited(controller: 'argocd' | 'flux', change: (docs: Record<string, any>[]) => void): Evidence {
  return variant(fixture('stale-branch', controller, 'solution'), (e) => change(e.git.head.files[controller === 'argocd' ? ARGO : FLUX]!.docs as Record<string, any>[]));
}

t.test('the recorded fix tracks main on both controllers; the seed does not', async (t) => {
  for (const c of ['argocd', 'flux'] as const) {
    t.equal(registration.grade(fixture('stale-branch', c, 'solution'), tracksMain, { controller: c }).status, 'pass', c);
    const seed = registration.grade(fixture('stale-branch', c, 'faults'), tracksMain, { controller: c });
    t.equal(seed.status, 'fail', c);
    t.equal(seed.mismatches?.[0]?.path, 'revision');
  }
});

t.test("Argo CD's spellings of main: main, refs/heads/main and HEAD (the lab repository's HEAD is main)", async (t) => {
  for (const rev of ['refs/heads/main', 'HEAD', ' main ']) {
    const e = edited('argocd', (docs) => (docs[0]!['spec'].source.targetRevision = rev));
    t.equal(registration.grade(e, tracksMain, { controller: 'argocd' }).status, 'pass', rev);
  }
  const e = edited('argocd', (docs) => (docs[0]!['spec'].source.targetRevision = 'refs/heads/release-1.27'));
  const r = registration.grade(e, tracksMain, { controller: 'argocd' });
  t.equal(r.status, 'fail');
  t.same(r.mismatches, [{ path: 'revision', got: '"refs/heads/release-1.27"', expected: '"main"' }]);
});

t.test("Flux's ref.name refs/heads/main is the branch main", async (t) => {
  const e = edited('flux', (docs) => {
    const repo = docs.find((d) => d['kind'] === 'GitRepository')!;
    repo['spec'].ref = { name: 'refs/heads/main' };
  });
  t.equal(registration.grade(e, tracksMain, { controller: 'flux' }).status, 'pass');
});

t.test('sameBranch', async (t) => {
  t.ok(sameBranch('HEAD', 'main', 'main'));
  t.notOk(sameBranch('HEAD', 'main', 'trunk'), 'HEAD is main only when the repository says so');
  t.notOk(sameBranch(undefined, 'main', 'main'));
  t.notOk(sameBranch('mainline', 'main', 'main'));
  t.notOk(sameBranch('refs/tags/main', 'main', 'main'), 'a tag named main is not the branch');
});

t.test('prune written as the string "true" fails and the message quotes what was written', async (t) => {
  const wantsPrune = registration.params.parse({ environment: 'staging', expect: { prune: true } });
  const e = edited('argocd', (docs) => (docs[0]!['spec'].syncPolicy.automated.prune = 'true'));
  const r = registration.grade(e, wantsPrune, { controller: 'argocd' });
  t.equal(r.status, 'fail');
  t.same(r.mismatches, [{ path: 'prune', got: '"true"', expected: 'true' }]);
  const off = edited('argocd', (docs) => delete docs[0]!['spec'].syncPolicy.automated.prune);
  t.same(registration.grade(off, wantsPrune, { controller: 'argocd' }).mismatches, [{ path: 'prune', got: 'false', expected: 'true' }], 'absent reads as false');
});

t.test('an environment the evidence does not have cannot be judged', async (t) => {
  const r = registration.grade(fixture('stale-branch', 'argocd', 'solution'), registration.params.parse({ environment: 'qa' }), { controller: 'argocd' });
  t.same([r.status, r.message], ['error', 'The evidence has no environment "qa".']);
});

t.test("a file in the controller's registration directory that is not YAML fails by name; one elsewhere does not count", async (t) => {
  for (const c of ['argocd', 'flux'] as const) {
    const broken = (file: string) =>
      variant(fixture('stale-branch', c, 'solution'), (e) => {
        e.git.head.files[file] = { blob: 'x', parseError: 'bad indentation at line 3' };
      });
    const r = registration.grade(broken(`platform/clusters/staging/${c}/z-extra.yaml`), tracksMain, { controller: c });
    t.equal(r.status, 'fail', c);
    t.equal(r.message, `platform/clusters/staging/${c}/z-extra.yaml is not valid YAML: bad indentation at line 3`);
    t.equal(r.actual, 'invalid YAML');
    t.equal(r.expected, `${c === 'argocd' ? 'an Argo CD Application' : 'a Flux Kustomization (with its GitRepository)'} under platform/clusters/staging/${c}/`);
    const other = c === 'argocd' ? 'flux' : 'argocd';
    t.equal(registration.grade(broken(`platform/clusters/staging/${other}/z-extra.yaml`), tracksMain, { controller: c }).status, 'pass', `${c}: the other controller's directory is not read`);
    t.equal(registration.grade(broken(`apps/platform/clusters/staging/${c}/z.yaml`), tracksMain, { controller: c }).status, 'pass', `${c}: a path that only ends like the directory`);
  }
  const two = variant(fixture('stale-branch', 'argocd', 'solution'), (e) => {
    e.git.head.files['platform/clusters/staging/argocd/b.yaml'] = { blob: 'x', parseError: 'second' };
    e.git.head.files['platform/clusters/staging/argocd/a.yaml'] = { blob: 'x', parseError: 'first' };
  });
  t.match(registration.grade(two, tracksMain, { controller: 'argocd' }).message, 'a.yaml is not valid YAML: first', 'the first broken file by name');
});

t.test('no registration at all: the message and the expectation name the controller and directory', async (t) => {
  for (const c of ['argocd', 'flux'] as const) {
    const e = variant(fixture('stale-branch', c, 'solution'), (x) => {
      delete x.git.head.files[c === 'argocd' ? ARGO : FLUX];
    });
    const r = registration.grade(e, tracksMain, { controller: c });
    t.equal(r.status, 'fail');
    t.equal(r.message, `No ${c} registration for staging under platform/clusters/staging/${c}/.`);
    t.equal(r.actual, 'none');
    t.match(r.expected, c === 'argocd' ? 'an Argo CD Application under' : 'a Flux Kustomization (with its GitRepository) under');
    t.match(r.why, 'nothing reconciles this environment');
  }
});

t.test('path, automation, self-heal and destination: each mismatch named, sorted, quoted in expected and actual', async (t) => {
  const solved = fixture('stale-branch', 'argocd', 'solution');
  const all = registration.params.parse({ environment: 'staging', expect: { path: '{overlay}', revision: 'main', automated: true, selfHeal: true, targetsEnvironmentNamespace: true } });
  const ok = registration.grade(solved, all, { controller: 'argocd' });
  t.same([ok.status, ok.message], ['pass', `${ARGO} registers staging as intended.`]);
  t.equal(registration.grade(solved, registration.params.parse({ environment: 'staging', expect: { path: './apps/payment-api/overlays/staging/' } }), { controller: 'argocd' }).status, 'pass', 'an explicit path, spelled differently');
  t.equal(registration.grade(solved, registration.params.parse({ environment: 'staging', expect: { path: 'apps/payment-api/overlays/prod' } }), { controller: 'argocd' }).status, 'fail', 'an explicit path is not the overlay');
  const wrong = edited('argocd', (docs) => {
    const spec = docs[0]!['spec'];
    spec.source.path = 'apps/payment-api/overlays/prod';
    spec.destination.namespace = 'payments-prod';
    spec.syncPolicy.automated.selfHeal = false;
  });
  const r = registration.grade(wrong, all, { controller: 'argocd' });
  t.equal(r.status, 'fail');
  t.equal(r.message, `The staging registration in ${ARGO} is not what the fix needs.`);
  t.same(r.mismatches!.map((m) => m.path), ['destination namespace', 'path', 'selfHeal']);
  t.same(r.mismatches![0], { path: 'destination namespace', got: '"payments-prod"', expected: '"payments-staging"' });
  t.equal(r.expected, 'destination namespace="payments-staging", path="apps/payment-api/overlays/staging", selfHeal=true');
  t.equal(r.actual, 'destination namespace="payments-prod", path="apps/payment-api/overlays/prod", selfHeal=false');
  t.match(r.why, 'contract between Git and the controller');
  const unchecked = registration.params.parse({ environment: 'staging', expect: { targetsEnvironmentNamespace: false } });
  t.equal(registration.grade(wrong, unchecked, { controller: 'argocd' }).status, 'pass', 'targetsEnvironmentNamespace: false checks nothing');
  const manual = edited('argocd', (docs) => delete docs[0]!['spec'].syncPolicy.automated);
  t.same(registration.grade(manual, registration.params.parse({ environment: 'staging', expect: { automated: true } }), { controller: 'argocd' }).mismatches, [{ path: 'automated', got: 'false', expected: 'true' }]);
});

t.test('describe lists what is expected', async (t) => {
  t.equal(registration.describe(registration.params.parse({ environment: 'staging' })), 'staging registration exists');
  t.equal(registration.describe(registration.params.parse({ environment: 'prod', expect: { revision: 'main', prune: true } })), 'prod registration exists with revision=main, prune=true');
  t.same([registration.name, registration.boundary], ['git.registration', 'git']);
});

t.test("Flux's ref fields in source-controller's precedence: commit, name, semver, tag, branch", async (t) => {
  const withRef = (ref: Record<string, string>) =>
    edited('flux', (docs) => {
      docs.find((d) => d['kind'] === 'GitRepository')!['spec'].ref = ref;
    });
  const grade = (ref: Record<string, string>) => registration.grade(withRef(ref), tracksMain, { controller: 'flux' });
  t.equal(grade({ branch: 'release-1.27', name: 'refs/heads/main' }).status, 'pass', 'name wins over branch: Flux tracks main');
  const pinned = grade({ branch: 'main', commit: 'a'.repeat(40) });
  t.equal(pinned.status, 'fail', 'a commit wins over the branch: Flux stays on that commit');
  t.same(pinned.mismatches, [{ path: 'revision', got: `"${'a'.repeat(40)}"`, expected: '"main"' }]);
  t.same(grade({ branch: 'main', tag: 'v1.27.5' }).mismatches, [{ path: 'revision', got: '"v1.27.5"', expected: '"main"' }], 'a tag wins over the branch');
  t.same(grade({ tag: 'v1.27.5', semver: '>=1.27.0' }).mismatches, [{ path: 'revision', got: '">=1.27.0"', expected: '"main"' }], 'semver wins over the tag');
  t.same(grade({}).mismatches, [{ path: 'revision', got: '"master"', expected: '"main"' }], "no ref field: Flux's default branch, master");
});

t.test('suspended: a suspended Flux Kustomization (drift-accept, recorded) is reported as suspended, on either expectation', async (t) => {
  const seed = fixture('drift-accept', 'flux', 'faults');
  const lifted = fixture('drift-accept', 'flux', 'solution');
  const running = registration.params.parse({ environment: 'staging', expect: { suspended: false } });
  const held = registration.params.parse({ environment: 'staging', expect: { suspended: true } });
  const automated = registration.params.parse({ environment: 'staging', expect: { automated: true } });
  const flux = { controller: 'flux' as const };
  const r = registration.grade(seed, running, flux);
  t.equal(r.status, 'fail');
  t.same(r.mismatches, [{ path: 'suspended', got: 'true', expected: 'false' }]);
  t.same([r.expected, r.actual], ['suspended=false', 'suspended=true']);
  t.equal(r.why, 'A suspended registration reconciles nothing, not even a fix in Git: the controller holds what it last applied.');
  t.match(registration.grade(lifted, held, flux).why, 'contract between Git and the controller', 'expected suspended, it runs: the general why');
  t.equal(registration.grade(lifted, running, flux).status, 'pass', 'the fix lifts the suspension');
  t.equal(registration.grade(seed, held, flux).status, 'pass');
  t.same(registration.grade(lifted, held, flux).mismatches, [{ path: 'suspended', got: 'false', expected: 'true' }]);
  // The bank's existing check (automated: true) keeps its verdicts, and now says what is wrong.
  t.same(registration.grade(seed, automated, flux).mismatches, [{ path: 'suspended', got: 'true', expected: 'false' }], 'not "automated: got false"');
  t.equal(registration.grade(lifted, automated, flux).status, 'pass');
  t.same(registration.grade(lifted, registration.params.parse({ environment: 'staging', expect: { automated: false } }), flux).mismatches, [{ path: 'suspended', got: 'false', expected: 'true' }]);
  const both = registration.params.parse({ environment: 'staging', expect: { automated: true, suspended: false, prune: true } });
  t.same(registration.grade(seed, both, flux).mismatches, [{ path: 'suspended', got: 'true', expected: 'false' }], 'named once when both expectations say it');
  t.same(registration.grade(lifted, both, flux).status, 'pass');
  const contradicting = registration.params.parse({ environment: 'staging', expect: { automated: true, suspended: true } });
  t.same(registration.grade(lifted, contradicting, flux).mismatches, [{ path: 'suspended', got: 'false', expected: 'true' }], 'automated passes, suspended fails');
  t.equal(registration.describe(running), 'staging registration exists with suspended=false');
});

t.test('suspended on Argo CD: automated sync absent or disabled; automated stays its own expectation', async (t) => {
  const argo = { controller: 'argocd' as const };
  const running = registration.params.parse({ environment: 'staging', expect: { suspended: false } });
  const solved = fixture('stale-branch', 'argocd', 'solution');
  t.equal(registration.grade(solved, running, argo).status, 'pass', 'automated sync on: not suspended');
  const manual = edited('argocd', (docs) => delete docs[0]!['spec'].syncPolicy.automated);
  t.same(registration.grade(manual, running, argo).mismatches, [{ path: 'suspended', got: 'true', expected: 'false' }]);
  t.equal(registration.grade(manual, registration.params.parse({ environment: 'staging', expect: { suspended: true } }), argo).status, 'pass');
  const disabled = edited('argocd', (docs) => (docs[0]!['spec'].syncPolicy.automated.enabled = false));
  t.same(registration.grade(disabled, running, argo).mismatches, [{ path: 'suspended', got: 'true', expected: 'false' }], 'automated.enabled: false');
  const both = registration.params.parse({ environment: 'staging', expect: { automated: true, suspended: false } });
  t.same(registration.grade(manual, both, argo).mismatches, [{ path: 'automated', got: 'false', expected: 'true' }, { path: 'suspended', got: 'true', expected: 'false' }], 'Argo CD names automated as itself');
  t.match(registration.grade(manual, both, argo).why, 'A suspended registration reconciles nothing', 'suspended among other mismatches: its why');
  const healing = registration.params.parse({ environment: 'staging', expect: { selfHeal: false } });
  const r = registration.grade(solved, healing, argo);
  t.same(r.mismatches, [{ path: 'selfHeal', got: 'true', expected: 'false' }]);
  t.match(r.why, 'contract between Git and the controller', 'another field got true: the general why');
});

t.test("helm: the Application's release name and values files are the environment's (helm-values-promotion, recorded offline)", async (t) => {
  const HELM = 'platform/clusters/staging/argocd/payment-api.yaml';
  const expectHelm = registration.params.parse({ environment: 'staging', expect: { helm: { releaseName: 'payment-api', valueFiles: ['values-staging.yaml'] } } });
  const solved = fixture('helm-values-promotion', 'argocd', 'solution');
  t.equal(registration.grade(solved, expectHelm, { controller: 'argocd' }).status, 'pass', 'as recorded');
  const helmOf = (e: Evidence) => (e.git.head.files[HELM]!.docs as Record<string, any>[])[0]!['spec'].source;
  const withHelm = (change: (source: Record<string, any>) => void) => variant(solved, (e) => change(helmOf(e)));
  t.equal(registration.grade(withHelm((s) => (s.helm.valueFiles = ['./values-staging.yaml'])), expectHelm, { controller: 'argocd' }).status, 'pass', 'a leading ./ is the same file');
  const prod = registration.grade(withHelm((s) => (s.helm.valueFiles = ['values-staging.yaml', 'values-production.yaml'])), expectHelm, { controller: 'argocd' });
  t.equal(prod.status, 'fail', "prod's values layered over staging's");
  t.same(prod.mismatches, [{ path: 'helm.valueFiles', got: '["values-staging.yaml","values-production.yaml"]', expected: '["values-staging.yaml"]' }]);
  t.match(prod.why, /another environment's values/);
  const renamed = registration.grade(withHelm((s) => delete s.helm.releaseName), expectHelm, { controller: 'argocd' });
  t.same(renamed.mismatches, [{ path: 'helm.releaseName', got: '<absent>', expected: '"payment-api"' }], "no release name: Argo CD would use the Application's name");
  const none = registration.grade(withHelm((s) => delete s.helm), expectHelm, { controller: 'argocd' });
  t.same(none.mismatches?.map((m) => m.path), ['helm.releaseName', 'helm.valueFiles'], 'no Helm settings at all');
  t.same(registration.grade(withHelm((s) => (s.helm.valueFiles = [{ $ref: 'x' }])), expectHelm, { controller: 'argocd' }).mismatches?.[0]?.got, '["{\\"$ref\\":\\"x\\"}"]', 'a values entry that is not a string is shown as written');
  const kustomized = registration.grade(fixture('stale-branch', 'flux', 'solution'), expectHelm, { controller: 'flux' });
  t.equal(kustomized.status, 'fail', 'Flux: a Kustomization registration has no Helm settings');
  t.same(kustomized.mismatches?.map((m) => m.path), ['helm.releaseName', 'helm.valueFiles']);
  t.equal(registration.describe(expectHelm), 'staging registration exists with helm=payment-api with values-staging.yaml');
});

// A Flux registration of the same chart: the recorded Argo CD evidence of helm-values-promotion with staging's
// registration written as a HelmRelease of the chart in the lab GitRepository (as platform/clusters/<env>/flux/).
t.test('helm: a Flux HelmRelease, its release name and its valuesFiles (relative to the repository, after the chart values.yaml)', async (t) => {
  const FLUX_HELM = 'platform/clusters/staging/flux/payment-api.yaml';
  const expectHelm = registration.params.parse({ environment: 'staging', expect: { helm: { releaseName: 'payment-api', valueFiles: ['values-staging.yaml'] }, revision: 'main', targetsEnvironmentNamespace: true } });
  const ns = 'payments-staging';
  const helmRelease = (spec: Record<string, unknown>) => ({
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name: 'payment-api', namespace: ns },
    spec: { interval: '1m', targetNamespace: ns, ...spec },
  });
  const chart = (valuesFiles: unknown[]) => ({ chart: { spec: { chart: './charts/payment-api', reconcileStrategy: 'Revision', sourceRef: { kind: 'GitRepository', name: 'lab' }, valuesFiles } } });
  const withFlux = (hr: Record<string, unknown>) =>
    variant(fixture('helm-values-promotion', 'argocd', 'solution'), (e) => {
      e.git.head.files[FLUX_HELM] = {
        blob: 'x',
        docs: [{ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', metadata: { name: 'lab', namespace: ns }, spec: { url: 'http://127.0.0.1/lab.git', ref: { branch: 'main' } } }, hr],
      } as never;
    });
  const flux = { controller: 'flux' as const };
  const good = helmRelease({ releaseName: 'payment-api', ...chart(['charts/payment-api/values.yaml', 'charts/payment-api/values-staging.yaml']) });
  t.equal(registration.grade(withFlux(good), expectHelm, flux).status, 'pass', 'the chart values.yaml, then the environment file');
  const prod = registration.grade(withFlux(helmRelease({ releaseName: 'payment-api', ...chart(['charts/payment-api/values.yaml', './charts/payment-api/values-production.yaml']) })), expectHelm, flux);
  t.same(prod.mismatches, [{ path: 'helm.valueFiles', got: '["values-production.yaml"]', expected: '["values-staging.yaml"]' }], "another environment's values file");
  t.match(prod.why, "another environment's values");
  const noDefaults = registration.grade(withFlux(helmRelease({ releaseName: 'payment-api', ...chart(['charts/payment-api/values-staging.yaml']) })), expectHelm, flux);
  t.same(noDefaults.mismatches, [{ path: 'helm.valueFiles', got: `["values-staging.yaml"] (without the chart's values.yaml)`, expected: '["values.yaml","values-staging.yaml"]' }], "Flux's list replaces the chart's values.yaml");
  const unnamed = registration.grade(withFlux(helmRelease(chart(['charts/payment-api/values.yaml', 'charts/payment-api/values-staging.yaml']))), expectHelm, flux);
  t.same(unnamed.mismatches, [{ path: 'helm.releaseName', got: '"payments-staging-payment-api"', expected: '"payment-api"' }], 'no releaseName: helm-controller names it <targetNamespace>-<name>');
  const elsewhere = registration.grade(withFlux(helmRelease({ releaseName: 'payment-api', targetNamespace: 'default', ...chart(['charts/payment-api/values.yaml', 'charts/payment-api/values-staging.yaml']) })), expectHelm, flux);
  t.same(elsewhere.mismatches?.map((m) => m.path), ['destination namespace']);
});
