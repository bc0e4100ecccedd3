import type Database from 'better-sqlite3';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StoreQueries } from './queries.js';
import { route, type Response } from './routes.js';
import { openReadOnly } from './store.js';

/**
 * `notices serve` as a library: a read-only HTTP view of a store. `node:http` and nothing more —
 * a handful of GET routes, each a pure function in src/serve/routes.ts.
 */
export interface ServeOptions {
  /**
   * the store: a path (opened read-only, closed with the handle) or an open better-sqlite3
   * database (left open; the server adds TEMP tables of its own to that connection)
   */
  db: string | Database.Database;
  /** 0 (the default) picks a free port */
  port?: number;
  /** the interface to listen on; the default 127.0.0.1 is reachable from this machine only */
  host?: string;
}

export interface ServeHandle {
  /** `http://127.0.0.1:PORT/` (the host as given) */
  url: string;
  port: number;
  host: string;
  /** stops listening, ends open connections, closes the store if `serve` opened it */
  close(): Promise<void>;
}

/** Headers of every response: nothing may be loaded from elsewhere, no script runs, no referrer leaves. */
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** A request's URL is read as relative to the server itself, so an absolute-form target cannot point it elsewhere. */
function answer(store: StoreQueries, req: IncomingMessage): Response {
  if (req.method !== 'GET' && req.method !== 'HEAD') return { status: 405, type: 'text/plain; charset=utf-8', body: 'Only GET and HEAD.\n' };
  const url = new URL(req.url ?? '/', 'http://localhost');
  return route(store, url.pathname, url.searchParams);
}

function send(res: ServerResponse, r: Response, head: boolean): void {
  const body = Buffer.from(r.body, 'utf8');
  res.writeHead(r.status, { ...SECURITY_HEADERS, 'content-type': r.type, 'content-length': body.length, ...(r.status === 405 ? { allow: 'GET, HEAD' } : {}) });
  res.end(head ? undefined : body);
}

/**
 * Serves a store (`notices extract --format sqlite`, or one `notices serve` built) over HTTP:
 * the corpus overview with facets, full-text search, one page per notice and diff, and a CSV and
 * JSON twin of every list (README, `notices serve`). Read-only; listens on 127.0.0.1 unless
 * `host` says otherwise. Needs the optional dependency better-sqlite3, as `toSqlite` does.
 *
 * @example
 * const server = await serve({ db: 'out/notices.sqlite', port: 0 });
 * console.log(server.url); // http://127.0.0.1:PORT/
 * await server.close();
 */
export async function serve(options: ServeOptions): Promise<ServeHandle> {
  const owned = typeof options.db === 'string';
  const db = typeof options.db === 'string' ? openReadOnly(options.db) : options.db;
  const store = new StoreQueries(db);
  const host = options.host ?? '127.0.0.1';
  // a 10 KB query, percent-encoded, is more than Node's default 16 KB of headers
  const server = createServer({ maxHeaderSize: 128 * 1024 }, (req, res) => {
    let r: Response;
    try {
      r = answer(store, req);
    } catch (e) {
      // a bug, not the user's input: say so without echoing anything of the request
      process.stderr.write(`notices serve: internal error on ${req.method} ${JSON.stringify((req.url ?? '').slice(0, 200))}: ${(e as Error)?.message ?? e}\n`);
      r = { status: 500, type: 'text/plain; charset=utf-8', body: 'Internal error.\n' };
    }
    send(res, r, req.method === 'HEAD');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  let closed: Promise<void> | null = null;
  return {
    url: `http://${shown}:${port}/`,
    port,
    host,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => {
          if (owned) db.close();
          resolve();
        });
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
