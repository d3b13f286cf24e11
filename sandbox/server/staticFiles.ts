import fs from 'fs';
import http from 'http';
import path from 'path';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Serves a file below `root`; refuses paths that escape it. Returns false when there is no such file. */
export function serveFile(res: http.ServerResponse, root: string, relativePath: string): boolean {
  const resolved = path.resolve(root, '.' + path.posix.normalize('/' + decodeURIComponent(relativePath)));
  if (!resolved.startsWith(path.resolve(root) + path.sep)) {
    return false;
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    return false;
  }
  if (!stat.isFile()) {
    return false;
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(resolved)] ?? 'application/octet-stream',
    'content-length': stat.size,
    'cache-control': 'no-cache',
  });
  fs.createReadStream(resolved).pipe(res);
  return true;
}
