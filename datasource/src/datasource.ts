import { DataQueryRequest, DataQueryResponse, DataSourceApi, DataSourceInstanceSettings, TestDataSourceResponse } from '@grafana/data';

export class DataflowDataSource extends DataSourceApi {
  constructor(instanceSettings: DataSourceInstanceSettings) {
    super(instanceSettings);
  }
  async query(_request: DataQueryRequest): Promise<DataQueryResponse> {
    return { data: [] };
  }
  async testDatasource(): Promise<TestDataSourceResponse> {
    return { status: 'success', message: 'ok' };
  }
}
