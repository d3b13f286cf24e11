import { DataSourcePlugin } from '@grafana/data';

import { ConfigEditor } from './components/ConfigEditor';
import { QueryEditor } from './components/QueryEditor';
import { DataflowDataSource } from './datasource';
import { DataflowDataSourceOptions, DataflowQuery, DataflowSecureJsonData } from './types';

export const plugin = new DataSourcePlugin<
  DataflowDataSource,
  DataflowQuery,
  DataflowDataSourceOptions,
  DataflowSecureJsonData
>(DataflowDataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
