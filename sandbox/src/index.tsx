import React from 'react';
import { createRoot } from 'react-dom/client';
import { standardEditorsRegistry, standardFieldConfigEditorRegistry } from '@grafana/data';
import { config, setBackendSrv, setDataSourceSrv, setTemplateSrv } from '@grafana/runtime';
import { GlobalStyles, ThemeContext } from '@grafana/ui';
import { App } from './App';
import { createBackendSrv } from './backendSrv';
import { SandboxDataSourceSrv } from './dataSourceSrv';
import { getStandardOptionEditors } from './options/standardEditors';
import { getStandardFieldConfigs } from './options/standardFieldConfigs';
import { SandboxTemplateSrv } from './templateSrv';

// What Grafana's app does at boot before any plugin loads: option editor registries and the runtime services.
standardEditorsRegistry.setInit(getStandardOptionEditors);
standardFieldConfigEditorRegistry.setInit(getStandardFieldConfigs);
const templateSrv = new SandboxTemplateSrv();
setBackendSrv(createBackendSrv());
setTemplateSrv(templateSrv);
setDataSourceSrv(new SandboxDataSourceSrv());

const root = createRoot(document.getElementById('root')!);
root.render(
  <ThemeContext.Provider value={config.theme2}>
    <GlobalStyles />
    <App templateSrv={templateSrv} />
  </ThemeContext.Provider>
);
