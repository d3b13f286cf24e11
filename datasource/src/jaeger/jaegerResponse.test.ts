import { parseJaegerResponse } from './jaegerResponse';

const ok = (body: string, contentType = 'application/json') => ({ status: 200, statusText: 'OK', contentType, body });

describe('parseJaegerResponse', () => {
  it('keeps data and turns partial errors into warnings', () => {
    const envelope = parseJaegerResponse<unknown[]>(
      ok('{"data":[{"traceID":"a"}],"errors":[{"code":404,"msg":"trace not found","traceID":"b"}]}'),
      'traces of x'
    );
    expect(envelope.data).toEqual([{ traceID: 'a' }]);
    expect(envelope.warnings).toEqual(['error 404: trace not found (trace b)']);
  });

  it('names the bad parameter of a 400', () => {
    const response = {
      status: 400,
      statusText: 'Bad Request',
      contentType: 'application/json',
      body: '{"data":null,"errors":[{"code":400,"msg":"parameter \'service\' is required"}]}',
    };
    expect(() => parseJaegerResponse(response, 'traces of ')).toThrow(
      "Jaeger traces of : error 400: parameter 'service' is required (400 Bad Request)"
    );
  });

  it('recognises an HTML page served with a JSON content type', () => {
    expect(() => parseJaegerResponse(ok('<!DOCTYPE html><html><body>Grafana</body></html>'), 'services')).toThrow(
      /HTML page instead of JSON/
    );
  });

  it('shows the first line of a plain-text server error', () => {
    const response = {
      status: 500,
      statusText: 'Internal Server Error',
      contentType: 'text/plain',
      body: 'panic: nil map\ngoroutine 1 [running]',
    };
    expect(() => parseJaegerResponse(response, 'services')).toThrow(
      'Jaeger services: request failed (500 Internal Server Error): panic: nil map'
    );
  });

  it('treats data: null without errors as empty', () => {
    expect(parseJaegerResponse<unknown[]>(ok('{"data":null,"errors":null}'), 'services').data).toEqual([]);
  });

  it("reads Grafana's 400 for an upstream 401 as a credentials problem", () => {
    const response = {
      status: 400,
      statusText: 'Bad Request',
      contentType: 'text/plain',
      body: 'Authentication to data source failed',
    };
    expect(() => parseJaegerResponse(response, 'services')).toThrow(
      'Jaeger services: access denied (Grafana: Authentication to data source failed): check the credentials (auth mode, token, user/password) in the datasource settings'
    );
  });
});
