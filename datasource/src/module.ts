import { DataSourcePlugin } from '@grafana/data';
import { DataflowDataSource } from './datasource';

export const plugin = new DataSourcePlugin(DataflowDataSource);
