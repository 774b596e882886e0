/**
 * Every command line the kind provider runs, as argument arrays (pure, so tests pin them exactly).
 */

/** kind clusters (and their Docker containers) are prefixed, so `down` can only ever delete one of ours. */
export function kindClusterName(name: string): string {
  return `gitops-lab-${name}`;
}

export const dockerInfoArgs = (): string[] => ['info', '--format', '{{.ServerVersion}}'];
export const kindVersionArgs = (): string[] => ['version'];

/**
 * `--kubeconfig` points into our state directory so the user's ~/.kube/config is left alone; `--image` repeats
 * the pinned node image (by digest) so kind's own default never applies.
 */
export function createClusterArgs(cluster: string, configPath: string, nodeImage: string, kubeconfigPath: string, waitSeconds: number): string[] {
  return ['create', 'cluster', '--name', cluster, '--config', configPath, '--image', nodeImage, '--kubeconfig', kubeconfigPath, '--wait', `${waitSeconds}s`];
}

export function deleteClusterArgs(cluster: string, kubeconfigPath: string): string[] {
  return ['delete', 'cluster', '--name', cluster, '--kubeconfig', kubeconfigPath];
}

export const getKubeconfigArgs = (cluster: string): string[] => ['get', 'kubeconfig', '--name', cluster];
export const getClustersArgs = (): string[] => ['get', 'clusters'];

/** Docker's name for the host architecture, as `--platform linux/<arch>` wants it. */
export function dockerArch(nodeArch: string = process.arch): string {
  switch (nodeArch) {
    case 'x64':
      return 'amd64';
    case 'arm64':
      return 'arm64';
    case 'arm':
      return 'arm';
    case 'ppc64':
      return 'ppc64le';
    case 's390x':
      return 's390x';
    default:
      return nodeArch;
  }
}

export interface Command {
  readonly file: 'docker' | 'kind';
  readonly args: readonly string[];
}

/**
 * Preloading one image for an offline classroom: pull it for this platform, save exactly that platform to an
 * archive, load the archive into the node. Not `kind load docker-image`: with Docker's containerd image store
 * (the default in recent Docker releases) it fails for multi-platform images with "content digest ... not found"
 * (kubernetes-sigs/kind#3795), and the Argo CD, Flux and Redis images are all multi-platform.
 */
export function preloadCommands(image: string, arch: string, archivePath: string, cluster: string): Command[] {
  const platform = `linux/${arch}`;
  return [
    { file: 'docker', args: ['pull', '--platform', platform, image] },
    { file: 'docker', args: ['image', 'save', '--platform', platform, '-o', archivePath, image] },
    { file: 'kind', args: ['load', 'image-archive', archivePath, '--name', cluster] },
  ];
}
