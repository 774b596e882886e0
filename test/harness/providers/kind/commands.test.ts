import t from 'tap';
import { createClusterArgs, deleteClusterArgs, dockerArch, dockerInfoArgs, getClustersArgs, getKubeconfigArgs, kindClusterName, preloadCommands } from '../../../../harness/providers/kind/commands.js';
import { loadUpstreamPins } from '../../../../harness/providers/upstream/pins.js';

t.test('kind cluster names are prefixed so down can only delete ours', async (t) => {
  t.equal(kindClusterName('lab'), 'gitops-lab-lab');
});

t.test('create: pinned image by digest, our config, kubeconfig in the state dir, bounded wait', async (t) => {
  const pins = loadUpstreamPins();
  t.same(createClusterArgs('gitops-lab-lab', '/s/kind-config.yaml', pins.nodeImage, '/s/kind-kubeconfig', 180), [
    'create', 'cluster',
    '--name', 'gitops-lab-lab',
    '--config', '/s/kind-config.yaml',
    '--image', 'kindest/node:v1.36.1@sha256:3489c7674813ba5d8b1a9977baea8a6e553784dab7b84759d1014dbd78f7ebd5',
    '--kubeconfig', '/s/kind-kubeconfig',
    '--wait', '180s',
  ]);
});

t.test('delete, get kubeconfig, get clusters, docker info', async (t) => {
  t.same(deleteClusterArgs('gitops-lab-lab', '/s/kind-kubeconfig'), ['delete', 'cluster', '--name', 'gitops-lab-lab', '--kubeconfig', '/s/kind-kubeconfig']);
  t.same(getKubeconfigArgs('gitops-lab-lab'), ['get', 'kubeconfig', '--name', 'gitops-lab-lab']);
  t.same(getClustersArgs(), ['get', 'clusters']);
  t.same(dockerInfoArgs(), ['info', '--format', '{{.ServerVersion}}']);
});

t.test('preload: pull and save one platform, then kind load image-archive (never kind load docker-image)', async (t) => {
  const cmds = preloadCommands('quay.io/argoproj/argocd:v3.5.1', 'arm64', '/s/images/argocd.tar', 'gitops-lab-lab');
  t.same(cmds, [
    { file: 'docker', args: ['pull', '--platform', 'linux/arm64', 'quay.io/argoproj/argocd:v3.5.1'] },
    { file: 'docker', args: ['image', 'save', '--platform', 'linux/arm64', '-o', '/s/images/argocd.tar', 'quay.io/argoproj/argocd:v3.5.1'] },
    { file: 'kind', args: ['load', 'image-archive', '/s/images/argocd.tar', '--name', 'gitops-lab-lab'] },
  ]);
  t.notOk(cmds.some((c) => c.args.includes('docker-image')));
});

t.test('docker platform names', async (t) => {
  t.equal(dockerArch('x64'), 'amd64');
  t.equal(dockerArch('arm64'), 'arm64');
});
