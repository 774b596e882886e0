import type { Controller } from '../../harness/model/boundary.js';
import type { TreeSnapshot } from '../../harness/model/evidence.js';
import { expandApplicationSets } from './applicationset.js';
import { docsUnder, isObj, type Obj } from './docs.js';

/**
 * A controller registration as found in Git, normalised across Argo CD (Application) and Flux
 * (Kustomization or HelmRelease, + GitRepository), so graders ask one question of either.
 */
export interface Registration {
  readonly controller: Controller;
  readonly file: string;
  readonly name: string;
  /** metadata.namespace as written (Flux's registrations live in the environment's namespace). */
  readonly namespace: string | undefined;
  readonly repoURL: string | undefined;
  /** Branch, tag or commit the registration tracks. */
  readonly revision: string | undefined;
  /** Repository path, normalised without a leading "./" or trailing "/". */
  readonly path: string | undefined;
  readonly automated: boolean;
  readonly prune: boolean;
  readonly selfHeal: boolean;
  readonly suspended: boolean;
  readonly destinationNamespace: string | undefined;
  /** Argo CD only. */
  readonly project: string | undefined;
  /** Flux only: the service account the Kustomization impersonates. */
  readonly serviceAccountName: string | undefined;
  /** The values as written, for feedback (`prune: "true"` is a string, and the controller does not prune). */
  readonly written: { readonly prune: unknown; readonly selfHeal: unknown };
  /** Argo CD: the ApplicationSet (its name) whose template generates this Application; absent for one written out. */
  readonly generatedBy?: string;
  /**
   * The Helm settings: Argo CD's `source.helm` when it has any (release name and values files as written); a Flux
   * HelmRelease's release name (as helm-controller names it when `releaseName` is absent) and `valuesFiles` made
   * comparable with Argo CD's: relative to the chart's directory, the chart's own values.yaml (which Argo CD always
   * reads first) left out when it comes first. `chartValues: false`: Flux's list leaves the chart's values.yaml
   * out, and Flux then renders without the chart's defaults (its valuesFiles replace them; Argo CD's add to them).
   */
  readonly helm?: { readonly releaseName: string | undefined; readonly valueFiles: readonly string[]; readonly chartValues?: false };
}

/** A Flux HelmRelease's valuesFiles as Argo CD's valueFiles would say them (see Registration.helm). */
export function fluxValuesFiles(chartPath: string | undefined, valuesFiles: readonly string[]): { valueFiles: string[]; chartValues?: false } {
  const chart = normalisePath(chartPath);
  const rel = valuesFiles.map((f) => {
    const n = normalisePath(f) ?? f;
    return chart && chart !== '.' && n.startsWith(`${chart}/`) ? n.slice(chart.length + 1) : n;
  });
  // None: helm-controller renders with the chart's values.yaml alone, as Argo CD does with no valueFiles.
  if (rel.length === 0) return { valueFiles: [] };
  if (rel[0] === 'values.yaml') return { valueFiles: rel.slice(1) };
  return { valueFiles: rel, chartValues: false };
}

/**
 * Whether a registration's revision names the branch `expected`, as the controllers read it: Argo CD resolves
 * `main`, `refs/heads/main` and (when the repository's HEAD is `main`) `HEAD` to the same commit; Flux's
 * `ref.branch: main` and `ref.name: refs/heads/main` are the same branch.
 */
export function sameBranch(got: string | undefined, expected: string, headBranch: string): boolean {
  if (got === undefined) return false;
  const norm = (r: string): string => {
    const t = r.trim();
    if (t === 'HEAD') return headBranch;
    return t.startsWith('refs/heads/') ? t.slice('refs/heads/'.length) : t;
  };
  return norm(got) === norm(expected);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown): Obj => (isObj(v) ? v : {});

export function normalisePath(p: string | undefined): string | undefined {
  if (p === undefined) return undefined;
  let s = p.trim();
  while (s.startsWith('./')) s = s.slice(2);
  s = s.replace(/\/+$/, '');
  return s === '' || s === '.' ? '.' : s;
}

const group = (doc: Obj): string => (str(doc['apiVersion']) ?? '').split('/')[0] ?? '';

/**
 * The registrations under a directory: Argo CD's Applications as written, then those its ApplicationSets there
 * generate (applicationset.ts; `generatedBy` names the ApplicationSet); Flux's Kustomizations with their sources,
 * then its HelmReleases (a chart in a GitRepository) with theirs.
 */
export function findRegistrations(tree: TreeSnapshot, dir: string, controller: Controller): Registration[] {
  const docs = docsUnder(tree, dir);
  if (controller === 'argocd') {
    const written = docs.filter(({ doc }) => doc['kind'] === 'Application' && group(doc) === 'argoproj.io').map(({ file, doc }) => ({ file, doc, generatedBy: undefined as string | undefined }));
    const generated = expandApplicationSets(tree, dir).flatMap((set) => set.applications.map((doc) => ({ file: set.file, doc, generatedBy: set.name as string | undefined })));
    return [...written, ...generated]
      .map(({ file, doc, generatedBy }) => {
        const spec = obj(doc['spec']);
        const source = obj(spec['source']);
        const syncPolicy = obj(spec['syncPolicy']);
        const automated = isObj(syncPolicy['automated']) ? syncPolicy['automated'] : undefined;
        const enabled = automated !== undefined && automated['enabled'] !== false;
        const helm = isObj(source['helm']) ? source['helm'] : undefined;
        return {
          controller,
          file,
          name: str(obj(doc['metadata'])['name']) ?? '',
          namespace: str(obj(doc['metadata'])['namespace']),
          repoURL: str(source['repoURL']),
          revision: str(source['targetRevision']) ?? 'HEAD',
          path: normalisePath(str(source['path'])),
          automated: enabled,
          prune: enabled && automated?.['prune'] === true,
          selfHeal: enabled && automated?.['selfHeal'] === true,
          suspended: !enabled,
          destinationNamespace: str(obj(spec['destination'])['namespace']),
          project: str(spec['project']) ?? 'default',
          serviceAccountName: undefined,
          written: { prune: automated?.['prune'], selfHeal: automated?.['selfHeal'] },
          ...(generatedBy !== undefined ? { generatedBy } : {}),
          ...(helm ? { helm: { releaseName: str(helm['releaseName']), valueFiles: Array.isArray(helm['valueFiles']) ? helm['valueFiles'].map((f) => (typeof f === 'string' ? f : JSON.stringify(f))) : [] } } : {}),
        };
      });
  }
  const repos = docs.filter(({ doc }) => doc['kind'] === 'GitRepository' && group(doc) === 'source.toolkit.fluxcd.io');
  const sourceOf = (namespace: string | undefined, sourceRef: Obj) => {
    const sourceName = str(sourceRef['name']);
    // The source in the namespace the sourceRef names, else the registration's own (as Flux resolves it).
    const sourceNamespace = str(sourceRef['namespace']) ?? namespace;
    const repo = repos.find(({ doc: r }) => str(obj(r['metadata'])['name']) === sourceName && str(obj(r['metadata'])['namespace']) === sourceNamespace);
    const repoSpec = obj(repo?.doc['spec']);
    const ref = obj(repoSpec['ref']);
    return {
      repoURL: str(repoSpec['url']),
      // source-controller's precedence: commit, then name, then semver, then tag, then branch (default master).
      revision: str(ref['commit']) ?? str(ref['name']) ?? str(ref['semver']) ?? str(ref['tag']) ?? str(ref['branch']) ?? (repo ? 'master' : undefined),
    };
  };
  // A HelmRelease whose chart is a directory of a GitRepository (helm-controller builds its HelmChart from it).
  const helmReleases = docs
    .filter(({ doc }) => doc['kind'] === 'HelmRelease' && group(doc) === 'helm.toolkit.fluxcd.io')
    .map(({ file, doc }): Registration => {
      const spec = obj(doc['spec']);
      const chart = obj(obj(spec['chart'])['spec']);
      const name = str(obj(doc['metadata'])['name']) ?? '';
      const namespace = str(obj(doc['metadata'])['namespace']);
      const sourceRef = obj(chart['sourceRef']);
      const source = str(sourceRef['kind']) === 'GitRepository' ? sourceOf(namespace, sourceRef) : { repoURL: undefined, revision: undefined };
      const suspended = spec['suspend'] === true;
      const targetNamespace = str(spec['targetNamespace']);
      const path = normalisePath(str(chart['chart']));
      const valuesFiles = Array.isArray(chart['valuesFiles']) ? chart['valuesFiles'].map((f) => (typeof f === 'string' ? f : JSON.stringify(f))) : [];
      return {
        controller,
        file,
        name,
        namespace,
        ...source,
        path,
        automated: !suspended,
        // A Helm upgrade removes what the chart no longer renders.
        prune: true,
        // helm-controller corrects live drift only with drift detection enabled (off by default).
        selfHeal: !suspended && obj(spec['driftDetection'])['mode'] === 'enabled',
        suspended,
        destinationNamespace: targetNamespace,
        project: undefined,
        serviceAccountName: str(spec['serviceAccountName']),
        written: { prune: undefined, selfHeal: obj(spec['driftDetection'])['mode'] },
        helm: { releaseName: str(spec['releaseName']) ?? (targetNamespace ? `${targetNamespace}-${name}` : name), ...fluxValuesFiles(path, valuesFiles) },
      };
    });
  const kustomizations = docs
    .filter(({ doc }) => doc['kind'] === 'Kustomization' && group(doc) === 'kustomize.toolkit.fluxcd.io')
    .map(({ file, doc }) => {
      const spec = obj(doc['spec']);
      const namespace = str(obj(doc['metadata'])['namespace']);
      const suspended = spec['suspend'] === true;
      return {
        controller,
        file,
        name: str(obj(doc['metadata'])['name']) ?? '',
        namespace,
        ...sourceOf(namespace, obj(spec['sourceRef'])),
        path: normalisePath(str(spec['path'])) ?? '.',
        automated: !suspended,
        prune: spec['prune'] === true,
        selfHeal: !suspended,
        suspended,
        destinationNamespace: str(spec['targetNamespace']),
        project: undefined,
        serviceAccountName: str(spec['serviceAccountName']),
        written: { prune: spec['prune'], selfHeal: undefined },
      };
    });
  // Kustomizations first: a directory that has both registers with its Kustomization, as before HelmReleases.
  return [...kustomizations, ...helmReleases];
}

/**
 * The registration of one environment among those of its directory. Where other environments share the directory
 * (`sharedWith`: their overlays; one ApplicationSet there generates them all), it is the one whose path is the
 * environment's overlay, or else one that points at no other environment's overlay; a directory of its own keeps
 * the first, as always.
 */
export function registrationFor(regs: readonly Registration[], overlay: string, sharedWith: readonly string[] = []): Registration | undefined {
  if (sharedWith.length === 0) return regs[0];
  const path = normalisePath(overlay);
  const others = sharedWith.map((o) => normalisePath(o));
  return regs.find((r) => r.path === path) ?? regs.find((r) => !others.includes(r.path));
}
