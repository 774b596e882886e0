/**
 * A small typed wrapper over @kubernetes/client-node (the only modules allowed to import it): load a kubeconfig
 * from a file, list by apiVersion+kind(+namespace), get, patch with an explicit field manager, server-side apply,
 * delete. Errors become LabErrors: 404 → NOT_FOUND, connection failures → CLUSTER_UNAVAILABLE.
 */
import { CustomObjectsApi, KubeConfig, KubernetesObjectApi, PatchStrategy, setHeaderOptions, type KubernetesObject } from '@kubernetes/client-node';
import { LabError } from '../errors.js';

export interface ObjectMeta {
  readonly name?: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly resourceVersion?: string;
  readonly uid?: string;
  readonly generation?: number;
  readonly creationTimestamp?: string | Date;
  readonly deletionTimestamp?: string | Date;
  readonly managedFields?: readonly unknown[];
  readonly ownerReferences?: readonly { readonly kind: string; readonly name: string; readonly uid: string; readonly apiVersion: string }[];
  readonly [k: string]: unknown;
}

/** A Kubernetes object as plain JSON. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMeta;
  readonly [k: string]: unknown;
}

export interface ObjectRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

export interface ListOptions {
  readonly namespace?: string;
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
}

export type PatchType = 'merge' | 'strategic';

export interface KubeClient {
  readonly kubeconfigPath: string;
  readonly server: string;
  list(apiVersion: string, kind: string, options?: ListOptions): Promise<KubeObject[]>;
  /** undefined when the object does not exist. */
  get(ref: ObjectRef): Promise<KubeObject | undefined>;
  patch(ref: ObjectRef, patch: Record<string, unknown>, options: { fieldManager: string; type?: PatchType }): Promise<KubeObject>;
  /** Merge-patches the status subresource of a namespaced custom resource (e.g. a Rollout's `status.abort`). */
  patchStatus(ref: ObjectRef & { namespace: string }, patch: Record<string, unknown>, options: { fieldManager: string }): Promise<KubeObject>;
  /** Server-side apply; `force` takes ownership of conflicting fields. */
  apply(obj: KubeObject, options: { fieldManager: string; force?: boolean }): Promise<KubeObject>;
  create(obj: KubeObject, options: { fieldManager: string }): Promise<KubeObject>;
  /** Returns false when there was nothing to delete. */
  delete(ref: ObjectRef, options?: { propagationPolicy?: 'Foreground' | 'Background' | 'Orphan' }): Promise<boolean>;
  /** GET a raw API path (e.g. /readyz, /version); returns the body text. */
  raw(path: string): Promise<string>;
}

function statusCode(error: unknown): number | undefined {
  const e = error as { code?: unknown; statusCode?: unknown; response?: { statusCode?: unknown } } | null;
  if (!e || typeof e !== 'object') return undefined;
  for (const c of [e.code, e.statusCode, e.response?.statusCode]) if (typeof c === 'number') return c;
  return undefined;
}

function describe(error: unknown): string {
  const e = error as { body?: unknown; message?: unknown } | null;
  if (e && typeof e === 'object') {
    const body = e.body;
    if (typeof body === 'string') {
      try {
        const parsed = JSON.parse(body) as { message?: string };
        if (parsed.message) return parsed.message;
      } catch {
        return body.slice(0, 300);
      }
    } else if (body && typeof body === 'object' && 'message' in body) {
      return String((body as { message: unknown }).message);
    }
    if (typeof e.message === 'string') return e.message;
  }
  return String(error);
}

function toLabError(error: unknown, what: string): LabError {
  if (error instanceof LabError) return error;
  const code = statusCode(error);
  const msg = `${what}: ${describe(error)}`;
  if (code === 404) return new LabError('NOT_FOUND', msg, { cause: error });
  if (code === undefined || code >= 500) return new LabError('CLUSTER_UNAVAILABLE', msg, { cause: error });
  return new LabError('COMMAND_FAILED', msg, { cause: error });
}

const plain = (o: unknown): KubeObject => JSON.parse(JSON.stringify(o)) as KubeObject;

export function loadKubeConfig(kubeconfigPath: string): KubeConfig {
  const kc = new KubeConfig();
  try {
    kc.loadFromFile(kubeconfigPath);
  } catch (error) {
    throw new LabError('CLUSTER_UNAVAILABLE', `cannot load kubeconfig ${kubeconfigPath}`, { cause: error });
  }
  return kc;
}

export function createKubeClient(kubeconfigPath: string): KubeClient {
  const kc = loadKubeConfig(kubeconfigPath);
  const api = KubernetesObjectApi.makeApiClient(kc);
  const custom = kc.makeApiClient(CustomObjectsApi);
  const server = kc.getCurrentCluster()?.server ?? '';
  const header = (ref: ObjectRef): KubernetesObject => ({
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    metadata: { name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) },
  });
  const label = (ref: ObjectRef): string => `${ref.kind} ${ref.namespace ? ref.namespace + '/' : ''}${ref.name}`;
  return {
    kubeconfigPath,
    server,
    async list(apiVersion, kind, options = {}) {
      try {
        const items: KubeObject[] = [];
        let cont: string | undefined;
        do {
          const res = await api.list(apiVersion, kind, options.namespace, undefined, undefined, undefined, options.fieldSelector, options.labelSelector, 500, cont);
          for (const item of res.items) items.push(plain({ apiVersion, kind, ...item }));
          cont = res.metadata?._continue || undefined;
        } while (cont);
        return items;
      } catch (error) {
        throw toLabError(error, `list ${kind}${options.namespace ? ' in ' + options.namespace : ''}`);
      }
    },
    async get(ref) {
      try {
        return plain(await api.read(header(ref) as KubernetesObject & { metadata: { name: string; namespace: string } }));
      } catch (error) {
        if (statusCode(error) === 404) return undefined;
        throw toLabError(error, `get ${label(ref)}`);
      }
    },
    async patch(ref, patch, options) {
      const type = options.type === 'strategic' ? PatchStrategy.StrategicMergePatch : PatchStrategy.MergePatch;
      try {
        const body = { ...patch, apiVersion: ref.apiVersion, kind: ref.kind, metadata: { ...((patch['metadata'] as object | undefined) ?? {}), name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) } };
        return plain(await api.patch(body as KubernetesObject, undefined, undefined, options.fieldManager, undefined, type));
      } catch (error) {
        throw toLabError(error, `patch ${label(ref)}`);
      }
    },
    async patchStatus(ref, patch, options) {
      const [group, version] = ref.apiVersion.includes('/') ? (ref.apiVersion.split('/') as [string, string]) : ['', ref.apiVersion];
      try {
        const res: unknown = await custom.patchNamespacedCustomObjectStatus(
          { group, version, namespace: ref.namespace, plural: `${ref.kind.toLowerCase()}s`, name: ref.name, body: patch, fieldManager: options.fieldManager },
          setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
        );
        return plain(res);
      } catch (error) {
        throw toLabError(error, `patch ${label(ref)} status`);
      }
    },
    async apply(obj, options) {
      try {
        const body = { ...obj, metadata: { ...obj.metadata } } as Record<string, unknown> & { metadata: Record<string, unknown> };
        delete body.metadata['managedFields'];
        delete body.metadata['resourceVersion'];
        return plain(await api.patch(body as unknown as KubernetesObject, undefined, undefined, options.fieldManager, options.force ?? false, PatchStrategy.ServerSideApply));
      } catch (error) {
        throw toLabError(error, `apply ${obj.kind} ${obj.metadata.namespace ? obj.metadata.namespace + '/' : ''}${obj.metadata.name ?? ''}`);
      }
    },
    async create(obj, options) {
      try {
        return plain(await api.create(obj as unknown as KubernetesObject, undefined, undefined, options.fieldManager));
      } catch (error) {
        throw toLabError(error, `create ${obj.kind} ${obj.metadata.name ?? ''}`);
      }
    },
    async delete(ref, options = {}) {
      try {
        await api.delete(header(ref), undefined, undefined, undefined, undefined, options.propagationPolicy ?? 'Background');
        return true;
      } catch (error) {
        if (statusCode(error) === 404) return false;
        throw toLabError(error, `delete ${label(ref)}`);
      }
    },
    async raw(path) {
      const url = new URL(server.replace(/\/$/, '') + path);
      const opts: import('node:https').RequestOptions = { method: 'GET', timeout: 10_000 };
      await kc.applyToHTTPSOptions(opts);
      const { request } = await import('node:https');
      return await new Promise<string>((resolveBody, reject) => {
        const req = request(url, opts, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if ((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300) resolveBody(text);
            else reject(new LabError('CLUSTER_UNAVAILABLE', `GET ${path}: ${res.statusCode} ${text.slice(0, 200)}`));
          });
        });
        req.on('timeout', () => req.destroy(new Error('timed out')));
        req.on('error', (error) => reject(new LabError('CLUSTER_UNAVAILABLE', `GET ${path}: ${error.message}`, { cause: error })));
        req.end();
      });
    },
  };
}

/** Conditions helper: status of condition `type` ('True' | 'False' | 'Unknown'), undefined when absent. */
export function conditionStatus(obj: KubeObject | undefined, type: string): string | undefined {
  const status = obj?.['status'] as { conditions?: { type?: string; status?: string }[] } | undefined;
  return status?.conditions?.find((c) => c.type === type)?.status;
}
