/** Free-port allocation on 127.0.0.1, avoiding ports other local clusters have recorded. */
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return await new Promise<number>((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

/** Allocate `names.length` distinct free ports, none of them in `avoid`. */
export async function allocatePorts<K extends string>(names: readonly K[], avoid: ReadonlySet<number> = new Set()): Promise<Record<K, number>> {
  const taken = new Set<number>(avoid);
  const out = {} as Record<K, number>;
  for (const name of names) {
    let port = 0;
    for (let i = 0; i < 50; i++) {
      const p = await freePort();
      // Stay clear of well-known defaults other tools bind (8080, 9090, 6379...) and of each other.
      if (!taken.has(p) && p > 1024) {
        port = p;
        break;
      }
    }
    if (port === 0) throw new Error('could not find a free port on 127.0.0.1');
    taken.add(port);
    out[name] = port;
  }
  return out;
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export async function isListening(port: number, timeoutMs = 500): Promise<boolean> {
  const { connect } = await import('node:net');
  return await new Promise<boolean>((resolveListen) => {
    const sock = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean): void => {
      sock.destroy();
      resolveListen(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}
