/** The state home: one definition that the providers (labHome) and the runner (stateHome) both read. */
import t from 'tap';
import { join, resolve } from 'node:path';
import { labHome } from '../../harness/home.js';
import { clusterStateDir, labHome as providersLabHome } from '../../harness/providers/state.js';
import { stateHome } from '../../harness/runner/session.js';

t.test('labHome: GITOPS_LAB_HOME, resolved; empty or unset means $HOME/.gitops-lab', async (t) => {
  t.equal(labHome({ GITOPS_LAB_HOME: '/srv/lab', HOME: '/home/x' }), '/srv/lab');
  t.equal(labHome({ GITOPS_LAB_HOME: 'rel/lab', HOME: '/home/x' }), resolve('rel/lab'));
  t.equal(labHome({ GITOPS_LAB_HOME: '', HOME: '/home/x' }), '/home/x/.gitops-lab');
  t.equal(labHome({ HOME: '/home/x' }), '/home/x/.gitops-lab');
});

t.test('the runner\'s stateHome and the providers\' labHome agree, relative and empty values included', async (t) => {
  const saved = process.env['GITOPS_LAB_HOME'];
  t.teardown(() => {
    if (saved === undefined) delete process.env['GITOPS_LAB_HOME'];
    else process.env['GITOPS_LAB_HOME'] = saved;
  });
  for (const value of ['/srv/lab', 'relative/lab', '']) {
    process.env['GITOPS_LAB_HOME'] = value;
    t.equal(stateHome(), labHome(), `GITOPS_LAB_HOME=${JSON.stringify(value)}`);
    t.equal(providersLabHome(), labHome());
    t.equal(clusterStateDir('c1'), join(labHome(), 'clusters', 'c1'));
  }
  process.env['GITOPS_LAB_HOME'] = 'relative/lab';
  t.equal(stateHome(), resolve('relative/lab'));
});
