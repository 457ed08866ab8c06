// A loopback smart-HTTP git remote for the tests: git's own `git http-backend` (a CGI program, found
// under `git --exec-path`) behind a small Node server that demands a token, as a git host does. A
// request without `Authorization: Bearer <token>` or Basic with the token as password gets a 401 with
// a Basic challenge; an accepted one runs http-backend with the CGI environment (REMOTE_USER set,
// which enables receive-pack, i.e. pushes) and streams its answer back.
import { execFileSync, spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

export interface GitHttpServer {
  /** `http://127.0.0.1:PORT/` (repositories are below it by their path under the project root). */
  url: string;
  /** Every request: method, path, and whether it carried an accepted token. */
  requests: { method: string; path: string; authorized: boolean }[];
  close(): Promise<void>;
}

function accepted(header: string | undefined, token: string): boolean {
  if (!header) return false;
  if (header === `Bearer ${token}`) return true;
  if (!header.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1) === token;
}

/** Serves the repositories under `projectRoot`; `env` is the environment http-backend runs in. */
export async function startGitHttpServer(options: { projectRoot: string; token: string; env: NodeJS.ProcessEnv }): Promise<GitHttpServer> {
  const backend = path.join(execFileSync('git', ['--exec-path'], { encoding: 'utf8', env: options.env }).trim(), 'git-http-backend');
  const requests: GitHttpServer['requests'] = [];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const authorized = accepted(req.headers.authorization, options.token);
    requests.push({ method: req.method ?? '', path: url.pathname, authorized });
    if (!authorized) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="async-desk test remote"', 'Content-Type': 'text/plain' });
      res.end('Authentication required\n');
      req.resume();
      return;
    }
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(', ') : (value ?? '');
    };
    const child = spawn(backend, [], {
      env: {
        ...options.env,
        GIT_PROJECT_ROOT: options.projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.replace(/^\?/, ''),
        CONTENT_TYPE: header('content-type'),
        ...(req.headers['content-length'] ? { CONTENT_LENGTH: header('content-length') } : {}),
        HTTP_CONTENT_ENCODING: header('content-encoding'),
        HTTP_GIT_PROTOCOL: header('git-protocol'),
        REMOTE_USER: 'tester',
        REMOTE_ADDR: '127.0.0.1',
        GATEWAY_INTERFACE: 'CGI/1.1',
        SERVER_PROTOCOL: 'HTTP/1.1',
      },
    });
    req.pipe(child.stdin);
    child.stdin.on('error', () => undefined);
    // CGI: headers (Status:, Content-Type:, …), a blank line, then the body.
    let head = Buffer.alloc(0);
    let streaming = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (streaming) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      const endLf = head.indexOf('\n\n');
      const cut = end >= 0 ? { at: end, length: 4 } : endLf >= 0 ? { at: endLf, length: 2 } : null;
      if (!cut) return;
      let status = 200;
      for (const line of head.subarray(0, cut.at).toString('latin1').split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        const [name, value] = [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 200;
        else res.setHeader(name, value);
      }
      res.writeHead(status);
      streaming = true;
      const body = head.subarray(cut.at + cut.length);
      if (body.length) res.write(body);
    });
    child.stderr.resume();
    child.on('close', () => {
      if (!streaming) res.writeHead(500);
      res.end();
    });
  };
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
