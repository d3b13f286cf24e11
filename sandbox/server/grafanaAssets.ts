import fs from 'fs';
import http from 'http';
import path from 'path';
import { serveFile } from './staticFiles';

/**
 * Assets a Grafana server ships beside its frontend: @grafana/ui's icon SVGs and the Inter font files
 * that GlobalStyles asks for. Returns false when the path is not one of them.
 */
export function serveGrafanaAsset(res: http.ServerResponse, rootDir: string, urlPath: string): boolean {
  const modules = path.join(rootDir, 'node_modules');
  const icon = /^\/public\/build\/img\/icons\/(.+)$/.exec(urlPath);
  if (icon) {
    const iconsDir = path.join(modules, '@grafana', 'ui', 'dist', 'public', 'img', 'icons');
    const monoAsUnicon = icon[1].replace(/^mono\/(.+)-mono\.svg$/, 'unicons/$1.svg');
    return serveFile(res, iconsDir, icon[1]) || serveFile(res, iconsDir, monoAsUnicon) || serveMirroredIcon(res, iconsDir, icon[1]);
  }
  const font = /^\/public\/fonts\/inter\/Inter-(Regular|Medium|SemiBold|Bold)\.woff2$/.exec(urlPath);
  if (font) {
    const weight = { Regular: 400, Medium: 500, SemiBold: 600, Bold: 700 }[font[1]];
    return serveFile(res, path.join(modules, '@fontsource', 'inter', 'files'), `inter-latin-${weight}-normal.woff2`);
  }
  return false;
}

/** The npm package lacks a few "-left" (and "-mono") icons that Grafana's server has; draw their "-right" twin mirrored. */
function serveMirroredIcon(res: http.ServerResponse, iconsDir: string, name: string): boolean {
  if (!name.endsWith('-left.svg')) {
    return false;
  }
  const twin = path.join(iconsDir, name.replace(/-left\.svg$/, '-right.svg'));
  if (!twin.startsWith(iconsDir) || !fs.existsSync(twin)) {
    return false;
  }
  const svg = fs.readFileSync(twin, 'utf8').replace(/<svg([^>]*)>/, '<svg$1><g transform="translate(24 0) scale(-1 1)">').replace(/<\/svg>\s*$/, '</g></svg>');
  res.writeHead(200, { 'content-type': 'image/svg+xml' });
  res.end(svg);
  return true;
}
