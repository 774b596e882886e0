import type { Controller } from '../../harness/model/boundary.js';
import type { TreeSnapshot } from '../../harness/model/evidence.js';
import { expandApplicationSets } from './applicationset.js';
import { docsUnder, isObj, type Obj } from './docs.js';

/**
 * A controller registration as found in Git, normalised across Argo CD (Application) and Flux
 * (Kustomization + GitRepository), so graders ask one question of either.
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
  /** Argo CD: the source's Helm settings (`source.helm`), when it has any: release name and values files as written. */
  readonly helm?: { readonly releaseName: string | undefined; readonly valueFiles: readonly string[] };
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
 * generate (applicationset.ts; `generatedBy` names the ApplicationSet); Flux's Kustomizations with their sources.
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
  return docs
    .filter(({ doc }) => doc['kind'] === 'Kustomization' && group(doc) === 'kustomize.toolkit.fluxcd.io')
    .map(({ file, doc }) => {
      const spec = obj(doc['spec']);
      const namespace = str(obj(doc['metadata'])['namespace']);
      const sourceName = str(obj(spec['sourceRef'])['name']);
      // The source in the namespace the sourceRef names, else the Kustomization's own (as Flux resolves it).
      const sourceNamespace = str(obj(spec['sourceRef'])['namespace']) ?? namespace;
      const repo = repos.find(({ doc: r }) => str(obj(r['metadata'])['name']) === sourceName && str(obj(r['metadata'])['namespace']) === sourceNamespace);
      const repoSpec = obj(repo?.doc['spec']);
      const ref = obj(repoSpec['ref']);
      const suspended = spec['suspend'] === true;
      return {
        controller,
        file,
        name: str(obj(doc['metadata'])['name']) ?? '',
        namespace,
        repoURL: str(repoSpec['url']),
        // source-controller's precedence: commit, then name, then semver, then tag, then branch (default master).
        revision: str(ref['commit']) ?? str(ref['name']) ?? str(ref['semver']) ?? str(ref['tag']) ?? str(ref['branch']) ?? (repo ? 'master' : undefined),
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
