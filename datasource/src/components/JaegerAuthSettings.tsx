import React from 'react';
import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { InlineField, Input, RadioButtonGroup, SecretInput } from '@grafana/ui';

import { DataflowDataSourceOptions, DataflowSecureJsonData, JaegerAuthMode } from '../types';
import { TEST_IDS } from './testIds';

type Props = DataSourcePluginOptionsEditorProps<DataflowDataSourceOptions, DataflowSecureJsonData>;

const AUTH_OPTIONS: Array<{ label: string; value: JaegerAuthMode; description: string }> = [
  { label: 'None', value: 'none', description: 'No credentials (custom headers still apply)' },
  { label: 'Basic', value: 'basic', description: 'User and password, added by the Grafana server' },
  { label: 'Bearer token', value: 'bearer', description: 'Authorization: Bearer <token>, added by the Grafana server' },
  { label: 'Forward OAuth', value: 'oauth', description: "Forward the signed-in user's OAuth token" },
];

/** Auth towards Jaeger. Secrets are write-only: Grafana's proxy adds them server-side (see jaeger/proxyRoutes.ts). */
export function JaegerAuthSettings({ options, onOptionsChange }: Props) {
  const auth = options.jsonData.jaegerAuth ?? 'none';
  const secure = options.secureJsonFields ?? {};

  const setAuth = (mode: JaegerAuthMode) =>
    onOptionsChange({
      ...options,
      basicAuth: mode === 'basic',
      jsonData: { ...options.jsonData, jaegerAuth: mode, oauthPassThru: mode === 'oauth' },
    });
  const setSecret = (key: keyof DataflowSecureJsonData, value: string) =>
    onOptionsChange({ ...options, secureJsonData: { ...options.secureJsonData, [key]: value } });
  const resetSecret = (key: keyof DataflowSecureJsonData) =>
    onOptionsChange({
      ...options,
      secureJsonFields: { ...options.secureJsonFields, [key]: false },
      secureJsonData: { ...options.secureJsonData, [key]: '' },
    });

  return (
    <>
      <InlineField label="Authentication" labelWidth={20} tooltip="How the Grafana server authenticates to Jaeger">
        <div data-testid={TEST_IDS.config.jaegerAuth}>
          <RadioButtonGroup<JaegerAuthMode> options={AUTH_OPTIONS} value={auth} onChange={setAuth} />
        </div>
      </InlineField>
      {auth === 'basic' && (
        <>
          <InlineField label="User" labelWidth={20}>
            <Input
              width={40}
              data-testid={TEST_IDS.config.basicUser}
              aria-label="Basic auth user"
              value={options.basicAuthUser ?? ''}
              onChange={(e) => onOptionsChange({ ...options, basicAuthUser: e.currentTarget.value })}
            />
          </InlineField>
          <InlineField label="Password" labelWidth={20}>
            <SecretInput
              width={40}
              data-testid={TEST_IDS.config.basicPassword}
              aria-label="Basic auth password"
              isConfigured={Boolean(secure.basicAuthPassword)}
              value={options.secureJsonData?.basicAuthPassword ?? ''}
              onChange={(e) => setSecret('basicAuthPassword', e.currentTarget.value)}
              onReset={() => resetSecret('basicAuthPassword')}
            />
          </InlineField>
        </>
      )}
      {auth === 'bearer' && (
        <InlineField label="Bearer token" labelWidth={20}>
          <SecretInput
            width={40}
            data-testid={TEST_IDS.config.bearerToken}
            aria-label="Bearer token"
            isConfigured={Boolean(secure.bearerToken)}
            value={options.secureJsonData?.bearerToken ?? ''}
            onChange={(e) => setSecret('bearerToken', e.currentTarget.value)}
            onReset={() => resetSecret('bearerToken')}
          />
        </InlineField>
      )}
    </>
  );
}
