/**
 * Git over smart HTTP (on 127.0.0.1 unless told otherwise), for Argo CD's repo-server, Flux's source-controller and the learner.
 * A tiny Node http server in front of git's own `git http-backend` (CGI), run through exec.run; no hand-written
 * git protocol. Basic auth: the server's own credentials open every repository; a repository with per-run grants
 * (git/access.ts) opens only to them (learner: push and read; controllers: read), and never anonymously.
 * Under /-/repos/ the server's own API (git/admin.ts) answers only to the server's own credential.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { run } from '../exec.js';
import { granted, readRepoAccess, type Access, type Credential } from './access.js';
import { NO_AUTO_MAINTENANCE } from './git.js';
import { ADMIN_PREFIX, handleAdmin } from './admin.js';

export interface GitHttpServerOptions {
  /** Directory holding bare repositories (`<name>.git`). */
  readonly root: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /**
   * Address to listen on: 127.0.0.1 (default) beside a cluster on this machine; 0.0.0.0 only inside a Pod, where
   * the cluster's Service is the way in (the in-cluster git server on kind).
   */
  readonly host?: string;
  /**
   * The server's own basic-auth credentials: they open every repository. A repository without per-run grants
   * needs them for a push (and for a read too when `authenticateReads`); one with grants needs them or a grant.
   */
  readonly credentials?: Credential;
  readonly authenticateReads?: boolean;
  readonly gitHttpBackend?: string;
  /** Called once per request (method, path, status). */
  readonly onRequest?: (line: string) => void;
}

export interface GitHttpServer {
  readonly port: number;
  /** Base URL, e.g. http://127.0.0.1:41234 ; a repo is `${url}/<name>.git`. */
  readonly url: string;
  repoUrl(name: string): string;
  close(): Promise<void>;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The basic-auth credential a request presents, if any. */
export function presentedCredential(req: IncomingMessage): Credential | undefined {
  const h = req.headers.authorization;
  if (!h || !h.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(h.slice(6), 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return undefined;
  return { username: decoded.slice(0, i), password: decoded.slice(i + 1) };
}

/** The repository a request is for: the first path segment, `<name>.git` (undefined for any other path). */
export function repositoryOf(pathname: string): string | undefined {
  return /^\/([A-Za-z0-9][A-Za-z0-9._-]*\.git)(?:\/|$)/.exec(pathname)?.[1];
}

export type Decision = { readonly allow: true; readonly user: string | undefined } | { readonly allow: false; readonly status: 401 | 403; readonly reason: string };

/**
 * May this request go through? `grants`: the repository's per-run grants (undefined: it has none; an Error: its
 * grants cannot be read, and no per-run credential gets in). Pure: the server reads the grants, this decides.
 */
export function decide(
  need: Access,
  presented: Credential | undefined,
  server: { readonly credentials?: Credential; readonly authenticateReads?: boolean },
  grants: ReturnType<typeof readRepoAccess>,
): Decision {
  const creds = server.credentials;
  if (creds && presented && safeEqual(presented.username, creds.username) && safeEqual(presented.password, creds.password)) {
    return { allow: true, user: presented.username };
  }
  if (grants instanceof Error) return { allow: false, status: 403, reason: `the repository's grants cannot be read (${grants.message})` };
  if (grants !== undefined) {
    if (!presented) return { allow: false, status: 401, reason: 'authentication required' };
    if (!granted(grants, presented, need)) {
      return { allow: false, status: 403, reason: `${presented.username} may not ${need === 'push' ? 'push to' : 'read'} this repository` };
    }
    return { allow: true, user: presented.username };
  }
  if (creds) {
    if (need === 'push' || server.authenticateReads) return { allow: false, status: 401, reason: 'authentication required' };
    return { allow: true, user: undefined };
  }
  // Without credentials configured (local tests), pushes are still allowed under a fixed user.
  return { allow: true, user: need === 'push' ? 'gitops-lab' : undefined };
}

export function isPush(url: URL): boolean {
  return url.pathname.endsWith('/git-receive-pack') || url.searchParams.get('service') === 'git-receive-pack';
}

/** Split a CGI response into status, headers and body. */
export function parseCgiResponse(out: Uint8Array): { status: number; headers: [string, string][]; body: Buffer } {
  const buf = Buffer.from(out);
  let sep = buf.indexOf('\r\n\r\n');
  let sepLen = 4;
  if (sep < 0) {
    sep = buf.indexOf('\n\n');
    sepLen = 2;
  }
  if (sep < 0) return { status: 502, headers: [['Content-Type', 'text/plain']], body: Buffer.from('bad CGI response\n') };
  const head = buf.subarray(0, sep).toString('latin1');
  const headers: [string, string][] = [];
  let status = 200;
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const k = line.slice(0, i).trim();
    const v = line.slice(i + 1).trim();
    if (k.toLowerCase() === 'status') status = Number.parseInt(v, 10) || 200;
    else headers.push([k, v]);
  }
  return { status, headers, body: buf.subarray(sep + sepLen) };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function startGitHttpServer(options: GitHttpServerOptions): Promise<GitHttpServer> {
  const backend = options.gitHttpBackend ?? '/usr/lib/git-core/git-http-backend';
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok\n');
      return;
    }
    // One decoded path decides both which repository's grants apply and what git http-backend serves: a
    // percent-encoded name (`/%6cab-b.git`) must not slip past the one and reach the other.
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.includes('..') || path.includes('\0')) {
      res.writeHead(400).end();
      return;
    }
    if (path.startsWith(ADMIN_PREFIX)) {
      const presented = presentedCredential(req);
      const creds = options.credentials;
      const own = creds !== undefined && presented !== undefined && safeEqual(presented.username, creds.username) && safeEqual(presented.password, creds.password);
      if (!own) {
        const status = presented === undefined ? 401 : 403;
        res.writeHead(status, { ...(status === 401 ? { 'WWW-Authenticate': 'Basic realm="gitops-lab"' } : {}), 'Content-Type': 'text/plain' });
        res.end(creds === undefined ? 'this server has no credential of its own, so no admin requests\n' : 'only the server\'s own credential may do this\n');
        options.onRequest?.(`${req.method} ${url.pathname} ${status} (admin refused)`);
        return;
      }
      const answer = await handleAdmin(options.root, { method: req.method ?? 'GET', path, body: await readBody(req) });
      res.writeHead(answer.status, { 'Content-Type': 'text/plain' }).end(answer.body);
      options.onRequest?.(`${req.method} ${url.pathname} ${answer.status}`);
      return;
    }
    const repo = repositoryOf(path);
    if (!repo) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no such repository\n');
      return;
    }
    const need: Access = isPush(url) ? 'push' : 'read';
    const decision = decide(need, presentedCredential(req), options, readRepoAccess(join(options.root, repo)));
    if (!decision.allow) {
      res.writeHead(decision.status, { ...(decision.status === 401 ? { 'WWW-Authenticate': 'Basic realm="gitops-lab"' } : {}), 'Content-Type': 'text/plain' });
      res.end(`${decision.reason}\n`);
      options.onRequest?.(`${req.method} ${url.pathname}${url.search} ${decision.status} (${decision.reason})`);
      return;
    }
    const user = decision.user;
    const body = await readBody(req);
    const env: Record<string, string> = {
      GIT_PROJECT_ROOT: options.root,
      GIT_HTTP_EXPORT_ALL: '1',
      GIT_HTTP_MAX_REQUEST_BUFFER: '100M',
      // The backend (and the push-log hook it runs) sees no user config and nothing else of ours.
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_ATTR_NOSYSTEM: '1',
      ...NO_AUTO_MAINTENANCE,
      HOME: '/nonexistent',
      REQUEST_METHOD: req.method ?? 'GET',
      PATH_INFO: path,
      QUERY_STRING: url.search.replace(/^\?/, ''),
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      CONTENT_LENGTH: String(body.length),
      REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
      SERVER_PROTOCOL: 'HTTP/1.1',
      GATEWAY_INTERFACE: 'CGI/1.1',
    };
    if (user) env['REMOTE_USER'] = user;
    if (req.headers['content-encoding']) env['HTTP_CONTENT_ENCODING'] = String(req.headers['content-encoding']);
    if (req.headers['git-protocol']) env['GIT_PROTOCOL'] = String(req.headers['git-protocol']);
    const r = await run(backend, [], { cwd: options.root, env, cleanEnv: true, input: body, binary: true, allowFailure: true, timeoutMs: 120_000 });
    const parsed = parseCgiResponse(r.stdoutBytes ?? new Uint8Array());
    res.statusCode = parsed.status;
    for (const [k, v] of parsed.headers) res.setHeader(k, v);
    res.end(parsed.body);
    options.onRequest?.(`${req.method} ${url.pathname}${url.search} ${parsed.status}`);
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`git http server error: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 }, () => resolveListen());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return {
    port,
    url,
    repoUrl: (name) => `${url}/${name.endsWith('.git') ? name : name + '.git'}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
