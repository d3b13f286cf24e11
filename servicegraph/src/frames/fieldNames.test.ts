import { FieldColorModeId, FieldType, NodeGraphDataFrameFieldNames } from '@grafana/data';

import { FIELD_TYPE, FIXED_COLOR_MODE, NODE_GRAPH_FIELD } from './fieldNames';

describe('Node Graph field names', () => {
  it('match the enums of @grafana/data', () => {
    for (const [key, value] of Object.entries(NODE_GRAPH_FIELD)) {
      expect(NodeGraphDataFrameFieldNames[key as keyof typeof NodeGraphDataFrameFieldNames]).toBe(value);
    }
    expect(FIELD_TYPE).toEqual({ string: FieldType.string, number: FieldType.number, boolean: FieldType.boolean });
    expect(FIXED_COLOR_MODE).toBe(FieldColorModeId.Fixed);
  });
});
