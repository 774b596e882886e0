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
