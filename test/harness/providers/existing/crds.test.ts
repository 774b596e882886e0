import t from 'tap';
import { missingCrds, missingCrdsError } from '../../../../harness/providers/existing/crds.js';
import { installManifests } from '../../../../harness/providers/upstream/manifests.js';
import { loadUpstreamPins } from '../../../../harness/providers/upstream/pins.js';

const argocdOnly = new Set(['applications.argoproj.io', 'appprojects.argoproj.io', 'rollouts.argoproj.io', 'analysisruns.argoproj.io', 'analysistemplates.argoproj.io']);

t.test('nothing missing when the selected controllers are there', async (t) => {
  t.same(missingCrds(argocdOnly, ['argocd', 'rollouts']), []);
  t.same(missingCrds(new Set(), []), []);
});

t.test('missing CRDs are listed per controller, in a stable order', async (t) => {
  t.same(missingCrds(argocdOnly, ['argocd', 'flux', 'rollouts']), [
    { controller: 'flux', crd: 'gitrepositories.source.toolkit.fluxcd.io' },
    { controller: 'flux', crd: 'kustomizations.kustomize.toolkit.fluxcd.io' },
  ]);
  t.same(missingCrds(new Set(['applications.argoproj.io']), ['argocd']), [{ controller: 'argocd', crd: 'appprojects.argoproj.io' }]);
});

t.test('the error names the context, each missing CRD, and the pinned install command; exit 3', async (t) => {
  const missing = missingCrds(new Set(['applications.argoproj.io', 'appprojects.argoproj.io']), ['argocd', 'flux', 'rollouts']);
  const e = missingCrdsError('prod-east', missing, installManifests(loadUpstreamPins(), ['flux', 'rollouts']));
  t.equal(e.code, 'CLUSTER_UNAVAILABLE');
  t.equal(e.message, 'context prod-east lacks the CRDs of Flux, Argo Rollouts, which this cluster selection needs');
  t.same(e.details, [
    'Flux (flux): missing gitrepositories.source.toolkit.fluxcd.io, kustomizations.kustomize.toolkit.fluxcd.io',
    'Argo Rollouts (rollouts): missing rollouts.argoproj.io, analysisruns.argoproj.io, analysistemplates.argoproj.io',
    'install flux: kubectl --context prod-east create namespace flux-system; kubectl --context prod-east apply -n flux-system --server-side --force-conflicts -f https://github.com/fluxcd/flux2/releases/download/v2.9.4/install.yaml',
    'install rollouts: kubectl --context prod-east create namespace argo-rollouts; kubectl --context prod-east apply -n argo-rollouts --server-side --force-conflicts -f https://github.com/argoproj/argo-rollouts/releases/download/v1.9.1/install.yaml',
  ]);
  t.match(e.suggestion, /--controller/);
});
