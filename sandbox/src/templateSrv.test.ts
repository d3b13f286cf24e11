import { createDataFrame, FieldType } from '@grafana/data';
import { SandboxTemplateSrv } from './templateSrv';

describe('sandbox template service (Grafana variable syntax and formats)', () => {
  const srv = new SandboxTemplateSrv();
  srv.setVariables([
    { name: 'focus', value: 'payments' },
    { name: 'hostile', value: "x'; DROP TABLE edges; --" },
    { name: 'multi', value: ['a.b', 'c|d'] },
  ]);

  it('replaces $var, ${var} and [[var]]', () => {
    expect(srv.replace('$focus / ${focus} / [[focus]]')).toBe('payments / payments / payments');
  });

  it('escapes with the requested format', () => {
    expect(srv.replace('${hostile:sqlstring}')).toBe("'x''; DROP TABLE edges; --'");
    expect(srv.replace('${multi:regex}')).toBe('(a\\.b|c\\|d)');
    expect(srv.replace('${multi:csv}')).toBe('a.b,c|d');
    expect(srv.replace('${hostile:percentencode}')).toBe(encodeURIComponent("x'; DROP TABLE edges; --"));
    expect(srv.replace('$hostile', undefined, 'sqlstring')).toBe("'x''; DROP TABLE edges; --'");
  });

  it('leaves unknown variables alone and reports what it contains', () => {
    expect(srv.replace('$unknown')).toBe('$unknown');
    expect(srv.containsTemplate('$focus')).toBe(true);
    expect(srv.containsTemplate('$unknown')).toBe(false);
  });

  it('prefers scoped variables', () => {
    expect(srv.replace('$focus', { focus: { text: 'orders', value: 'orders' } })).toBe('orders');
  });
});

describe('data link variables', () => {
  it('reads ${__data.fields.x} from the scoped data of a link', () => {
    const srv = new SandboxTemplateSrv();
    const scoped = { __data: { text: '', value: { fields: { id: 'payments' } } } };
    expect(srv.replace('Traces of ${__data.fields.id}', scoped)).toBe('Traces of payments');
  });

  it('reads ${__data.fields.x} from the row of the frame a field link belongs to (__dataContext, as Grafana 12 passes it)', () => {
    const srv = new SandboxTemplateSrv();
    const frame = createDataFrame({
      name: 'edges',
      refId: 'A',
      fields: [
        { name: 'source', type: FieldType.string, values: ['api-gateway', 'payments'] },
        { name: 'target', type: FieldType.string, values: ['orders', 'payments-db'] },
        { name: 'requests', type: FieldType.number, values: [10, 7], config: { displayName: 'Requests' } },
      ],
    });
    const scoped = { __dataContext: { value: { data: [frame], frame, field: frame.fields[0], rowIndex: 1 } } };
    expect(srv.replace('Traces from ${__data.fields.source} to ${__data.fields.target}', scoped)).toBe(
      'Traces from payments to payments-db'
    );
    expect(srv.replace('${__data.fields.Requests} in ${__data.name} (${__data.refId})', scoped)).toBe('7 in edges (A)');
    // A field the row does not have stays as written, like any unknown variable.
    expect(srv.replace('${__data.fields.nope}', scoped)).toBe('${__data.fields.nope}');
  });
});
