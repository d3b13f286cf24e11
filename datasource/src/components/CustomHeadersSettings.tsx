import React from 'react';
import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { InlineField, InlineFieldRow, Input, SecretInput } from '@grafana/ui';

import { DataflowDataSourceOptions, DataflowSecureJsonData } from '../types';
import { TEST_IDS } from './testIds';

type Props = DataSourcePluginOptionsEditorProps<DataflowDataSourceOptions, DataflowSecureJsonData>;

const SLOTS = [1, 2, 3] as const;

/** Grafana's own custom-header convention (httpHeaderNameN / httpHeaderValueN): its proxy adds them. */
export function CustomHeadersSettings({ options, onOptionsChange }: Props) {
  const jsonData = options.jsonData as unknown as Record<string, string | undefined>;
  const secureData = (options.secureJsonData ?? {}) as Record<string, string | undefined>;
  const configured = options.secureJsonFields ?? {};
  return (
    <>
      {SLOTS.map((n) => (
        <InlineFieldRow key={n}>
          <InlineField label={`Header ${n}`} labelWidth={20}>
            <Input
              width={24}
              placeholder="X-Scope-OrgID"
              aria-label={`Custom header ${n} name`}
              data-testid={TEST_IDS.config.headerName(n)}
              value={jsonData[`httpHeaderName${n}`] ?? ''}
              onChange={(e) =>
                onOptionsChange({
                  ...options,
                  jsonData: { ...options.jsonData, [`httpHeaderName${n}`]: e.currentTarget.value },
                })
              }
            />
          </InlineField>
          <InlineField label="Value">
            <SecretInput
              width={28}
              aria-label={`Custom header ${n} value`}
              data-testid={TEST_IDS.config.headerValue(n)}
              isConfigured={Boolean(configured[`httpHeaderValue${n}`])}
              value={secureData[`httpHeaderValue${n}`] ?? ''}
              onChange={(e) =>
                onOptionsChange({
                  ...options,
                  secureJsonData: { ...options.secureJsonData, [`httpHeaderValue${n}`]: e.currentTarget.value },
                })
              }
              onReset={() =>
                onOptionsChange({
                  ...options,
                  secureJsonFields: { ...options.secureJsonFields, [`httpHeaderValue${n}`]: false },
                  secureJsonData: { ...options.secureJsonData, [`httpHeaderValue${n}`]: '' },
                })
              }
            />
          </InlineField>
        </InlineFieldRow>
      ))}
    </>
  );
}
