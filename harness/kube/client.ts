/**
 * A small typed wrapper over @kubernetes/client-node (the only modules allowed to import it): load a kubeconfig
 * from a file, list by apiVersion+kind(+namespace), get, patch with an explicit field manager, server-side apply,
 * delete. Errors become LabErrors: 404 → NOT_FOUND, connection failures → CLUSTER_UNAVAILABLE.
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import { LabError } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';

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


type ClientNodeSurface = typeof import('./client-node-surface.js');
let clientNodeModule: ClientNodeSurface | undefined;

/**
 * The part of @kubernetes/client-node used here, loaded on first use: most commands (list, show, lint, offline
 * start and grade, report, regrade) never talk to a cluster. The build's tree-shaken bundle
 * (client-node.bundle.cjs, see client-node-surface.ts) loads in ~0.07 s where the package's index takes ~0.65 s;
 * without a build (a bare checkout) the package itself, which has the same classes. Node >= 20.19 requires an ES module synchronously
 * (require(esm)), so the client's functions stay synchronous.
 */
export function clientNode(): ClientNodeSurface {
  if (clientNodeModule) return clientNodeModule;
  const require = createRequire(import.meta.url);
  clientNodeModule = (existsSync(CLIENT_NODE_BUNDLE) ? require(CLIENT_NODE_BUNDLE) : require('@kubernetes/client-node')) as ClientNodeSurface;
  return clientNodeModule;
}

/** Where the build puts the bundle: found from the package root, so the CLI's own bundle (cli/main.js) finds it too. */
export const CLIENT_NODE_BUNDLE = join(PACKAGE_ROOT, 'dist', 'harness', 'kube', 'client-node.bundle.cjs');

export function loadKubeConfig(kubeconfigPath: string): KubeConfig {
  const kc = new (clientNode().KubeConfig)();
  try {
    kc.loadFromFile(kubeconfigPath);
  } catch (error) {
    throw new LabError('CLUSTER_UNAVAILABLE', `cannot load kubeconfig ${kubeconfigPath}`, { cause: error });
  }
  return kc;
}

interface PathResolver {
  path(spec: KubernetesObject, action: 'create' | 'read' | 'patch' | 'delete' | 'list'): Promise<string>;
}

/** client-node's discovery-backed URL builder for this kubeconfig; requests themselves are raw JSON (see below). */
function pathResolver(kc: KubeConfig): PathResolver {
  class Resolver extends clientNode().KubernetesObjectApi {
    path(spec: KubernetesObject, action: 'create' | 'read' | 'patch' | 'delete' | 'list'): Promise<string> {
      return this.specUriPath(spec, action as never);
    }
  }
  const resolver = Resolver.makeApiClient(kc) as unknown as Resolver;
  Object.setPrototypeOf(resolver, Resolver.prototype);
  return resolver;
}

class HttpError extends Error {
  constructor(
    readonly code: number,
    readonly body: string,
  ) {
    super(`HTTP ${code}`);
  }
}

/** How long one JSON API request may take, and one raw GET. */
const JSON_TIMEOUT_MS = 30_000;
const RAW_TIMEOUT_MS = 10_000;

interface SendOptions {
  readonly timeoutMs: number;
  /** Headers set before the kubeconfig's credentials are applied (none by default). */
  readonly headers?: Readonly<Record<string, string>>;
  /** A body, sent with its Content-Type and Content-Length. */
  readonly body?: Buffer;
  readonly contentType?: string;
  /**
   * The client's keep-alive agent (one TLS handshake, one secure context for many requests), used where the
   * kubeconfig names no proxy; absent: the agent client-node makes for this request (a new connection each time).
   */
  readonly agent?: import('node:https').Agent;
  /** The error a request that times out is destroyed with. */
  readonly timeoutMessage: string;
}

/**
 * The one HTTPS request path to the API server: `server + path` with the kubeconfig's TLS options and
 * credentials; resolves with the body of a 2xx answer, rejects with HttpError (status and body) otherwise,
 * with the socket's error, or with `timeoutMessage` after `timeoutMs` of inactivity.
 */
async function sendHttps(kc: KubeConfig, server: string, method: string, path: string, options: SendOptions): Promise<string> {
  const url = new URL(server + path);
  const opts: import('node:https').RequestOptions = { method, timeout: options.timeoutMs, ...(options.headers ? { headers: { ...options.headers } } : {}) };
  await kc.applyToHTTPSOptions(opts);
  // client-node's agent for this request is a new https.Agent (or a proxy's): ours is kept where it is a plain one.
  const { Agent, request: httpsRequest } = await import('node:https');
  if (options.agent && opts.agent?.constructor === Agent) opts.agent = options.agent;
  const payload = options.body;
  if (payload) opts.headers = { ...opts.headers, 'Content-Type': options.contentType ?? 'application/json', 'Content-Length': String(payload.length) };
  const once = (fresh = false): Promise<string> => new Promise<string>((resolveBody, reject) => {
    const req = httpsRequest(url, fresh ? { ...opts, agent: false } : opts, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const code = res.statusCode ?? 0;
        if (code >= 200 && code < 300) resolveBody(text);
        else reject(new HttpError(code, text));
      });
    });
    req.on('timeout', () => req.destroy(new Error(options.timeoutMessage)));
    // A kept-alive socket the server closed while it sat idle fails before any answer: the request never reached
    // the server (Node's documented case for req.reusedSocket), so it is sent once more, on a connection of its own.
    req.on('error', (error: NodeJS.ErrnoException) => reject(req.reusedSocket && STALE_SOCKET.has(error.code ?? '') ? new StaleSocket(error) : error));
    if (payload) req.write(payload);
    req.end();
  });
  try {
    return await once();
  } catch (error) {
    if (!(error instanceof StaleSocket)) throw error;
    return once(true);
  }
}

/** The errors of a request written to a kept-alive socket the server had already closed. */
const STALE_SOCKET: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE']);

class StaleSocket extends Error {
  constructor(readonly stale: Error) {
    super(stale.message, { cause: stale });
  }
}

/**
 * One keep-alive agent per client: requests reuse its connections (the local provider's validate made a new TLS
 * connection and secure context for every request: about a third of its own CPU and much of the API server's).
 * Idle sockets are closed after a few seconds (before the server's idle timeout) and never keep the process alive.
 */
async function keepAliveAgent(): Promise<import('node:https').Agent> {
  const { Agent } = await import('node:https');
  return new Agent({ keepAlive: true, maxSockets: 16, maxFreeSockets: 4, timeout: IDLE_SOCKET_MS, scheduling: 'lifo' });
}

const IDLE_SOCKET_MS = 4_000;

/** An HttpError (status and body) or any other failure as a LabError: 404 NOT_FOUND, 5xx and 429 CLUSTER_UNAVAILABLE. */
function failure(error: unknown, what: string): LabError {
  if (error instanceof LabError) return error;
  if (error instanceof HttpError) {
    let message = error.body.slice(0, 500);
    try {
      message = (JSON.parse(error.body) as { message?: string }).message ?? message;
    } catch {
      // not JSON
    }
    const msg = `${what}: ${message}`;
    if (error.code === 404) return new LabError('NOT_FOUND', msg, { cause: error });
    if (error.code >= 500 || error.code === 429) return new LabError('CLUSTER_UNAVAILABLE', msg, { cause: error });
    return new LabError('COMMAND_FAILED', msg, { cause: error });
  }
  return toLabError(error, what);
}

/** `?k=v&...` of the defined, non-empty parameters; '' when there are none. */
function query(params: Record<string, string | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') sp.set(k, v);
  const str = sp.toString();
  return str ? `?${str}` : '';
}

const label = (ref: ObjectRef): string => `${ref.kind} ${ref.namespace ? ref.namespace + '/' : ''}${ref.name}`;
const header = (ref: ObjectRef): KubernetesObject => ({
  apiVersion: ref.apiVersion,
  kind: ref.kind,
  metadata: { name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) },
});

/**
 * Raw JSON over HTTPS with the kubeconfig's credentials. client-node's typed (de)serialisers drop JSON keys
 * that have no camelCase model field (e.g. `x-kubernetes-int-or-string` in CRD schemas), which corrupts
 * server-side applies of CRDs and makes reads lossy; plain JSON keeps every object exactly as the API has it.
 * client-node resolves the URL of each kind (discovery) and applies the kubeconfig's TLS and credentials.
 */
class Client implements KubeClient {
  readonly server: string;
  private readonly kc: KubeConfig;
  private readonly resolver: PathResolver;
  private readonly agent = keepAliveAgent();

  constructor(readonly kubeconfigPath: string) {
    this.kc = loadKubeConfig(kubeconfigPath);
    this.resolver = pathResolver(this.kc);
    this.server = (this.kc.getCurrentCluster()?.server ?? '').replace(/\/$/, '');
  }

  /** The JSON API: Accept JSON, a JSON body, 30s, the client's kept-alive connections. */
  private async request(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<unknown> {
    const text = await sendHttps(this.kc, this.server, method, path, {
      timeoutMs: JSON_TIMEOUT_MS,
      headers: { Accept: 'application/json' },
      agent: await this.agent,
      timeoutMessage: `${method} ${path} timed out`,
      ...(body === undefined ? {} : { body: Buffer.from(JSON.stringify(body)), contentType }),
    });
    return text.length > 0 ? (JSON.parse(text) as unknown) : undefined;
  }

  async list(apiVersion: string, kind: string, options: ListOptions = {}): Promise<KubeObject[]> {
    try {
      const spec = { apiVersion, kind, metadata: options.namespace ? { namespace: options.namespace } : {} } as KubernetesObject;
      let path = await this.resolver.path(spec, 'list');
      if (!options.namespace) path = path.replace(/\/namespaces\/[^/]+\//, '/');
      const items: KubeObject[] = [];
      let cont: string | undefined;
      do {
        const page = { labelSelector: options.labelSelector, fieldSelector: options.fieldSelector, limit: '500', continue: cont };
        const res = (await this.request('GET', path + query(page))) as { items?: Record<string, unknown>[]; metadata?: { continue?: string } };
        for (const item of res.items ?? []) items.push({ apiVersion, kind, ...item } as KubeObject);
        cont = res.metadata?.continue || undefined;
      } while (cont);
      return items;
    } catch (error) {
      throw failure(error, `list ${kind}${options.namespace ? ' in ' + options.namespace : ''}`);
    }
  }

  async get(ref: ObjectRef): Promise<KubeObject | undefined> {
    try {
      return (await this.request('GET', await this.resolver.path(header(ref), 'read'))) as KubeObject;
    } catch (error) {
      if (error instanceof HttpError && error.code === 404) return undefined;
      throw failure(error, `get ${label(ref)}`);
    }
  }

  async patch(ref: ObjectRef, patch: Record<string, unknown>, options: { fieldManager: string; type?: PatchType }): Promise<KubeObject> {
    const type = options.type === 'strategic' ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json';
    try {
      const path = await this.resolver.path(header(ref), 'patch');
      return (await this.request('PATCH', path + query({ fieldManager: options.fieldManager }), patch, type)) as KubeObject;
    } catch (error) {
      throw failure(error, `patch ${label(ref)}`);
    }
  }

  async patchStatus(ref: ObjectRef & { namespace: string }, patch: Record<string, unknown>, options: { fieldManager: string }): Promise<KubeObject> {
    try {
      const path = (await this.resolver.path(header(ref), 'patch')) + '/status';
      return (await this.request('PATCH', path + query({ fieldManager: options.fieldManager }), patch, 'application/merge-patch+json')) as KubeObject;
    } catch (error) {
      throw failure(error, `patch ${label(ref)} status`);
    }
  }

  async apply(obj: KubeObject, options: { fieldManager: string; force?: boolean }): Promise<KubeObject> {
    const what = `apply ${obj.kind} ${obj.metadata.namespace ? obj.metadata.namespace + '/' : ''}${obj.metadata.name ?? ''}`;
    try {
      const metadata: Record<string, unknown> = { ...obj.metadata };
      delete metadata['managedFields'];
      delete metadata['resourceVersion'];
      const body = { ...obj, metadata };
      const path = await this.resolver.path(structuredClone(body) as KubernetesObject, 'patch');
      const params = query({ fieldManager: options.fieldManager, force: options.force ? 'true' : undefined });
      return (await this.request('PATCH', path + params, body, 'application/apply-patch+yaml')) as KubeObject;
    } catch (error) {
      throw failure(error, what);
    }
  }

  async create(obj: KubeObject, options: { fieldManager: string }): Promise<KubeObject> {
    try {
      const path = await this.resolver.path(structuredClone(obj) as unknown as KubernetesObject, 'create');
      return (await this.request('POST', path + query({ fieldManager: options.fieldManager }), obj)) as KubeObject;
    } catch (error) {
      throw failure(error, `create ${obj.kind} ${obj.metadata.name ?? ''}`);
    }
  }

  async delete(ref: ObjectRef, options: { propagationPolicy?: 'Foreground' | 'Background' | 'Orphan' } = {}): Promise<boolean> {
    try {
      const body = { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: options.propagationPolicy ?? 'Background' };
      await this.request('DELETE', await this.resolver.path(header(ref), 'delete'), body);
      return true;
    } catch (error) {
      if (error instanceof HttpError && error.code === 404) return false;
      throw failure(error, `delete ${label(ref)}`);
    }
  }

  async raw(path: string): Promise<string> {
    try {
      // A plain GET (health, version, watch lists): 10s, no Accept header.
      return await sendHttps(this.kc, this.server, 'GET', path, { timeoutMs: RAW_TIMEOUT_MS, agent: await this.agent, timeoutMessage: 'timed out' });
    } catch (error) {
      const e = failure(error, `GET ${path}`);
      throw e.code === 'COMMAND_FAILED' || e.code === 'NOT_FOUND' ? e : new LabError('CLUSTER_UNAVAILABLE', e.message, { cause: error });
    }
  }
}

/**
 * A client for a kubeconfig; one per file and version of it within a process, so that a validate or class run's
 * many phases share the client's connections and discovery (a kubeconfig rewritten by a new `up` gets a new one).
 */
export function createKubeClient(kubeconfigPath: string): KubeClient {
  const version = statSync(kubeconfigPath, { throwIfNoEntry: false });
  const key = `${kubeconfigPath}\0${version?.mtimeMs ?? ''}\0${version?.size ?? ''}\0${version?.ino ?? ''}`;
  let client = clients.get(key);
  if (!client) {
    client = new Client(kubeconfigPath);
    for (const k of clients.keys()) if (k.startsWith(`${kubeconfigPath}\0`)) clients.delete(k);
    clients.set(key, client);
  }
  return client;
}

const clients = new Map<string, Client>();

/** Conditions helper: status of condition `type` ('True' | 'False' | 'Unknown'), undefined when absent. */
export function conditionStatus(obj: KubeObject | undefined, type: string): string | undefined {
  const status = obj?.['status'] as { conditions?: { type?: string; status?: string }[] } | undefined;
  return status?.conditions?.find((c) => c.type === type)?.status;
}
