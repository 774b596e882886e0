/**
 * Cluster-side objects for the controllers, taken from the pinned module directories in GOMODCACHE
 * (`go list -m -f '{{.Dir}}' <module>` inside each tool module): CRDs and config.
 */
import { chmodSync, copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { run } from '../../exec.js';
import type { KubeObject } from '../../kube/client.js';
import { runPolicyObjects } from '../../controllers/argocd.js';
import type { ControllerName } from '../provider.js';
import { goEnv, localConfigDir } from './paths.js';

export async function moduleDir(group: 'argocd' | 'flux' | 'helmctl' | 'rollouts', module: string): Promise<string> {
  const r = await run('go', ['list', '-m', '-f', '{{.Dir}}', module], {
    cwd: join(localConfigDir(), group),
    env: goEnv(),
    timeoutMs: 60_000,
  });
  return r.stdout.trim();
}

const yamlIn = (dir: string, filter: (f: string) => boolean = () => true): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml' && filter(f))
    .sort()
    .map((f) => join(dir, f));

export interface InstallPlan {
  readonly controller: ControllerName;
  readonly namespace: string;
  /** Cluster-scoped CRD files. */
  readonly crds: readonly string[];
  /** Namespaced config files applied into `namespace`. */
  readonly config: readonly string[];
  /** Extra documents (generated), applied into `namespace`. */
  readonly extra: string;
  /** Cluster-scoped objects (generated): Argo CD's run policies. */
  readonly cluster?: readonly KubeObject[];
}

/** Argo CD's lab tuning of argocd-cm, and the default AppProject, locked (argocd-server normally creates it open). */
export function argocdExtraYaml(resyncSeconds: number): string {
  const cm = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'argocd-cm', namespace: 'argocd', labels: { 'app.kubernetes.io/name': 'argocd-cm', 'app.kubernetes.io/part-of': 'argocd' } },
    data: {
      'timeout.reconciliation': `${resyncSeconds}s`,
      'timeout.reconciliation.jitter': '0s',
      // Lab content never needs these, and they would make the controller dial Pod/Service IPs.
      'resource.exclusions': stringify([{ apiGroups: ['cilium.io'], kinds: ['CiliumIdentity'], clusters: ['*'] }]),
    },
  };
  const params = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'argocd-cmd-params-cm', namespace: 'argocd', labels: { 'app.kubernetes.io/name': 'argocd-cmd-params-cm', 'app.kubernetes.io/part-of': 'argocd' } },
    data: { 'controller.resource.health.persist': 'true', 'reposerver.disable.tls': 'true' },
  };
  const project = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name: 'default', namespace: 'argocd' },
    // Locked: nothing may be deployed in the default project. Every run has its own AppProjects (its roots', and
    // its registrations': its repository, its namespaces), so an Application naming `default` gets Argo CD's refusal.
    spec: {
      description: 'gitops-lab: locked; every run deploys through its own AppProjects',
      sourceRepos: [],
      destinations: [],
      clusterResourceWhitelist: [],
    },
  };
  return [cm, params, project].map((d) => stringify(d)).join('---\n');
}

export async function installPlans(controllers: readonly ControllerName[], argocdResyncSeconds: number): Promise<InstallPlan[]> {
  const plans: InstallPlan[] = [];
  if (controllers.includes('argocd')) {
    const dir = await moduleDir('argocd', 'github.com/argoproj/argo-cd/v3');
    plans.push({
      controller: 'argocd',
      namespace: 'argocd',
      crds: yamlIn(join(dir, 'manifests', 'crds')),
      config: yamlIn(join(dir, 'manifests', 'base', 'config')),
      extra: argocdExtraYaml(argocdResyncSeconds),
      cluster: runPolicyObjects(),
    });
  }
  if (controllers.includes('flux')) {
    const sc = await moduleDir('flux', 'github.com/fluxcd/source-controller');
    const kc = await moduleDir('flux', 'github.com/fluxcd/kustomize-controller');
    const hc = await moduleDir('helmctl', 'github.com/fluxcd/helm-controller');
    plans.push({
      controller: 'flux',
      namespace: 'flux-system',
      crds: [...yamlIn(join(sc, 'config', 'crd', 'bases')), ...yamlIn(join(kc, 'config', 'crd', 'bases')), ...yamlIn(join(hc, 'config', 'crd', 'bases'))],
      config: [],
      extra: '',
    });
  }
  if (controllers.includes('rollouts')) {
    const dir = await moduleDir('rollouts', 'github.com/argoproj/argo-rollouts');
    plans.push({
      controller: 'rollouts',
      namespace: 'argo-rollouts',
      crds: yamlIn(join(dir, 'manifests', 'crds')),
      config: [],
      extra: stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'argo-rollouts-config', namespace: 'argo-rollouts' }, data: {} }),
    });
  }
  return plans;
}

export interface PlanObjects {
  readonly namespace: KubeObject;
  readonly crds: readonly KubeObject[];
  /** Namespaced objects (config files and generated extras), each with metadata.namespace set. */
  readonly config: readonly KubeObject[];
  /** Cluster-scoped objects, as generated. */
  readonly cluster: readonly KubeObject[];
}

function docs(text: string): KubeObject[] {
  return parseAllDocuments(text)
    .map((d) => d.toJS() as KubeObject | null)
    .filter((d): d is KubeObject => !!d && typeof d.kind === 'string' && typeof d.apiVersion === 'string');
}

/** The objects a plan applies, parsed from the pinned files. */
export function planObjects(plan: InstallPlan): PlanObjects {
  const withNs = (o: KubeObject): KubeObject => ({ ...o, metadata: { ...o.metadata, namespace: o.metadata.namespace ?? plan.namespace } });
  return {
    namespace: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: plan.namespace } },
    crds: plan.crds.flatMap((f) => docs(readFileSync(f, 'utf8'))).filter((o) => o.kind === 'CustomResourceDefinition'),
    config: [...plan.config.flatMap((f) => docs(readFileSync(f, 'utf8'))), ...docs(plan.extra)].map(withNs),
    cluster: plan.cluster ?? [],
  };
}

export const INSTALL_FIELD_MANAGER = 'gitops-lab-install';

/**
 * Argo CD 3.5's repo-server runs `git-verify-wrapper.sh` (shipped at /usr/local/bin in the upstream image)
 * on every manifest generation, GPG enabled or not; without it every generation fails with "permission
 * denied". Copy it from the pinned module (files there are read-only, so copy, not symlink) onto the PATH.
 */
export async function installArgocdRepoServerScripts(toolsPath: string): Promise<void> {
  const dir = await moduleDir('argocd', 'github.com/argoproj/argo-cd/v3');
  const dest = join(toolsPath, 'git-verify-wrapper.sh');
  copyFileSync(join(dir, 'hack', 'git-verify-wrapper.sh'), dest);
  chmodSync(dest, 0o755);
}
