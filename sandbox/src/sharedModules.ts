import * as emotionCss from '@emotion/css';
import * as emotionReact from '@emotion/react';
import * as grafanaData from '@grafana/data';
import * as grafanaI18n from '@grafana/i18n';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaSchema from '@grafana/schema';
import * as grafanaUi from '@grafana/ui';
import lodash from 'lodash';
import React from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import ReactDOM from 'react-dom';
import * as rxjs from 'rxjs';
import * as rxjsOperators from 'rxjs/operators';

/** SystemJS's AMD extra hands `default` to the plugin when `__useDefault` is set: CommonJS modules need that. */
function commonJs(value: unknown) {
  return { __useDefault: true, default: value };
}

/**
 * The modules Grafana shares with plugins (the externals of create-plugin's webpack config), under the names the
 * plugins' AMD `define([...])` asks for.
 */
export const sharedModules: Record<string, object> = {
  '@grafana/data': grafanaData,
  '@grafana/ui': grafanaUi,
  '@grafana/runtime': grafanaRuntime,
  '@grafana/schema': grafanaSchema,
  '@grafana/i18n': grafanaI18n,
  '@emotion/css': emotionCss,
  '@emotion/react': emotionReact,
  emotion: emotionCss,
  react: commonJs(React),
  'react-dom': commonJs(ReactDOM),
  'react/jsx-runtime': jsxRuntime,
  rxjs,
  'rxjs/operators': rxjsOperators,
  lodash: commonJs(lodash),
};
