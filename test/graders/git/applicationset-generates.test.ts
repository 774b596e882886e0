/**
 * git.applicationset-generates on evidence recorded on the lab cluster (appset-missing-staging, Argo CD): the seed's
 * generator lists overlays/stage, the solution overlays/staging, one wrong fix every overlay (local too), another
 * renames the staging overlay.
 */
import t from 'tap';
import { applicationSetGenerates } from '../../../graders/git/applicationset-generates.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const ID = 'appset-missing-staging';
const ALL = ['dev', 'staging', 'prod'];
const grade = (phase: string, environments: string[] = ALL, onlyEnvironments = false, controller: 'argocd' | 'flux' = 'argocd') =>
  applicationSetGenerates.grade(fixture(ID, 'argocd', phase, 'live'), applicationSetGenerates.params.parse({ environments, onlyEnvironments }), { controller });

t.test('the seed: staging is not generated; dev and prod are', async (t) => {
  const f = grade('faults');
  t.equal(f.status, 'fail');
  t.equal(f.message, 'The ApplicationSet generates no Application for staging (it generates: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod).');
  t.equal(f.expected, 'apps/payment-api/overlays/staging');
  t.equal(grade('faults', ['dev', 'prod'], true).status, 'pass', 'the guard holds at the seed');
});

t.test('the solution: all three, nothing else', async (t) => {
  t.equal(grade('solution').status, 'pass');
  t.equal(grade('solution', ['dev', 'prod'], true).status, 'pass');
  t.equal(grade('solution', ALL, true).status, 'pass');
});

t.test('every overlay: staging is generated, but so is local', async (t) => {
  t.equal(grade('wrong-match-every-overlay').status, 'pass');
  const f = grade('wrong-match-every-overlay', ['dev', 'prod'], true);
  t.equal(f.status, 'fail');
  t.equal(f.message, 'The ApplicationSet also generates Applications for apps/payment-api/overlays/local, which no environment deploys.');
});

t.test('the overlay renamed to the typo: what is generated is no environment', async (t) => {
  const f = grade('wrong-rename-overlay');
  t.equal(f.status, 'fail');
  t.match(f.actual, /overlays\/stage\b/);
  t.equal(grade('wrong-rename-overlay', ['dev', 'prod'], true).status, 'fail');
});

t.test('a hand-written Application is no generated one', async (t) => {
  t.equal(grade('wrong-hand-written-application').status, 'fail');
});

t.test('no ApplicationSet at all; Flux; an environment the evidence lacks', async (t) => {
  const none = variant(fixture(ID, 'argocd', 'faults', 'live'), (e) => {
    for (const f of Object.keys(e.git.head.files)) if (f.startsWith('platform/argocd/')) delete e.git.head.files[f];
  });
  const f = applicationSetGenerates.grade(none, applicationSetGenerates.params.parse({ environments: ALL }), { controller: 'argocd' });
  t.equal(f.status, 'fail');
  t.equal(f.message, 'No ApplicationSet under platform/argocd/.');
  t.equal(grade('solution', ALL, false, 'flux').status, 'error');
  t.equal(grade('solution', ['qa']).status, 'error');
});
