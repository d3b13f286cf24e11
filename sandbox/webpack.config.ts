/*
 * Bundles the sandbox host page (sandbox/src) into sandbox/public/host.js. This is the stand-in for Grafana's
 * own frontend: it carries the real @grafana/* packages, React and RxJS and shares them with the plugins.
 */
import path from 'path';
import type { Configuration } from 'webpack';

const config = (): Configuration => ({
  mode: 'production',
  target: 'web',
  entry: path.join(__dirname, 'src', 'index.tsx'),
  devtool: false,
  output: { path: path.join(__dirname, 'public'), filename: 'host.js', clean: true, publicPath: '/public/build/' },
  cache: { type: 'filesystem', name: 'kompas-sandbox-host' },
  optimization: { minimize: false, splitChunks: false },
  performance: { hints: false },
  resolve: { extensions: ['.tsx', '.ts', '.mjs', '.js'] },
  module: {
    rules: [
      // SystemJS's AMD extra installs the global `define` that plugins call; webpack must leave it alone.
      { test: /systemjs[\\/]dist/, parser: { amd: false } },
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: 'swc-loader',
          options: { jsc: { target: 'es2020', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'classic' } } } },
        },
      },
      { test: /\.m?js$/, resolve: { fullySpecified: false } },
      { test: /\.css$/, use: ['style-loader', 'css-loader'] },
      { test: /\.(svg|png|woff2?|ttf|eot)$/, type: 'asset/resource' },
    ],
  },
});

export default config;
