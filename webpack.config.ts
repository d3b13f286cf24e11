/*
 * Builds one plugin folder (datasource/ or panel/) with the stock create-plugin config, untouched.
 * The stock config resolves src/, package.json, .config/ and dist/ from process.cwd(), so we change
 * into the plugin folder while it is created, then point the outputs at dist/<plugin id>.
 * Usage: webpack -c ./webpack.config.ts --env production --env plugin=panel
 */
import fs from 'fs';
import path from 'path';
import webpack, { type Configuration } from 'webpack';
import ForkTsCheckerWebpackPlugin from 'fork-ts-checker-webpack-plugin';
import ReplaceInFileWebpackPlugin from 'replace-in-file-webpack-plugin';

type Env = { [key: string]: true | string | Env };

const PLUGIN_FOLDERS = ['datasource', 'panel'];

const config = async (env: Env): Promise<Configuration> => {
  const folder = String(env.plugin ?? '');
  if (!PLUGIN_FOLDERS.includes(folder)) {
    throw new Error(`--env plugin=<${PLUGIN_FOLDERS.join('|')}> is required (got "${folder}")`);
  }
  const root = __dirname;
  const pluginDir = path.join(root, folder);
  const pluginJson = JSON.parse(fs.readFileSync(path.join(pluginDir, 'src', 'plugin.json'), 'utf8'));
  const version: string = JSON.parse(fs.readFileSync(path.join(pluginDir, 'package.json'), 'utf8')).version;
  const cpVersion: string = JSON.parse(fs.readFileSync(path.join(root, '.config', '.cprc.json'), 'utf8')).version;
  const outDir = path.join(root, 'dist', pluginJson.id);
  const mode = env.production ? 'production' : 'development';

  // The stock config reads .config/.cprc.json relative to cwd; give the plugin folder a view of it.
  const cwd = process.cwd();
  process.chdir(pluginDir);
  let base: Configuration;
  try {
    const stock = await import('./.config/webpack/webpack.config');
    base = await stock.default(env);
  } finally {
    process.chdir(cwd);
  }

  const plugins = (base.plugins ?? []).map((plugin) => {
    if (plugin instanceof webpack.BannerPlugin) {
      return new webpack.BannerPlugin({
        banner: `/* [create-plugin] version: ${cpVersion} */\n/* [create-plugin] plugin: ${pluginJson.id}@${version} */`,
        raw: true,
        entryOnly: true,
      });
    }
    if (plugin instanceof ReplaceInFileWebpackPlugin) {
      return new ReplaceInFileWebpackPlugin([
        {
          dir: outDir,
          test: [/(^|\/)plugin\.json$/, /(^|\/)README\.md$/],
          rules: [
            { search: /%VERSION%/g, replace: version },
            { search: /%TODAY%/g, replace: new Date().toISOString().substring(0, 10) },
            { search: /%PLUGIN_ID%/g, replace: pluginJson.id },
          ],
        },
      ]);
    }
    if (plugin instanceof ForkTsCheckerWebpackPlugin) {
      return new ForkTsCheckerWebpackPlugin({
        async: true,
        issue: { include: [{ file: '**/*.{ts,tsx}' }] },
        typescript: { configFile: path.join(root, 'tsconfig.json') },
      });
    }
    return plugin;
  });

  return {
    ...base,
    name: pluginJson.id,
    cache: {
      type: 'filesystem',
      name: `${pluginJson.id}-${mode}`,
      buildDependencies: { config: [__filename, path.join(root, '.config', 'webpack', 'webpack.config.ts')] },
    },
    output: { ...base.output, path: outDir },
    plugins,
  };
};

export default config;
