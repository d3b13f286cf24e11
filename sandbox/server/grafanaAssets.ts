import http from 'http';
import path from 'path';
import { serveFile } from './staticFiles';

/**
 * Assets a Grafana server ships beside its frontend: the icon SVGs and the Inter font files
 * that GlobalStyles asks for. Returns false when the path is not one of them.
 */
export function serveGrafanaAsset(res: http.ServerResponse, rootDir: string, urlPath: string): boolean {
  const modules = path.join(rootDir, 'node_modules');
  const icon = /^\/public\/build\/img\/icons\/(.+)$/.exec(urlPath);
  if (icon) {
    const iconsDir = path.join(modules, '@grafana', 'ui', 'dist', 'public', 'img', 'icons');
    // @grafana/ui's package ships only some icons; Grafana's server copies the rest from Iconscout's Unicons.
    const unicons = path.join(modules, '@iconscout', 'unicons', 'svg', 'line');
    const monoAsUnicon = icon[1].replace(/^mono\/(.+)-mono\.svg$/, 'unicons/$1.svg');
    return (
      serveFile(res, iconsDir, icon[1]) ||
      serveFile(res, iconsDir, monoAsUnicon) ||
      serveFile(res, unicons, icon[1].replace(/^unicons\//, ''))
    );
  }
  const font = /^\/public\/fonts\/inter\/Inter-(Regular|Medium|SemiBold|Bold)\.woff2$/.exec(urlPath);
  if (font) {
    const weight = { Regular: 400, Medium: 500, SemiBold: 600, Bold: 700 }[font[1]];
    return serveFile(res, path.join(modules, '@fontsource', 'inter', 'files'), `inter-latin-${weight}-normal.woff2`);
  }
  return false;
}
