import { createRecordingContext } from '../testdata/recordingContext';
import { createShopScene, testFrame } from '../testdata/shopScene';
import { drawLabels, reserveNodes } from './drawLabels';
import { formatEdgeLabel } from './formatStats';
import { highlightEdge } from './highlight';
import { createLabelPlacer } from './labelPlacer';
import { fitView } from './viewTransform';

describe('a selected edge’s label', () => {
  it('is the full one even where the edge is too short for it at this zoom', () => {
    const scene = createShopScene();
    const view = { ...fitView(scene.nodes, 1600, 1200), k: 1 };
    // The shortest edge whose full label is longer than the edge can carry unselected.
    const short = [...scene.edges]
      .sort((a, b) => a.length - b.length)
      .find((e) => e.length * view.k < (formatEdgeLabel(e.stats).length * 6 + 6) / 2 + 12);
    expect(short).toBeDefined();
    const edge = short!;
    const frame = testFrame(view, 1600, 1200, { highlight: highlightEdge(scene, edge.id) });
    const ctx = createRecordingContext();
    const placer = createLabelPlacer();
    reserveNodes(placer, scene, frame);
    drawLabels(ctx, scene, frame, placer);
    const drawn = ctx.calls.filter((c) => c.name === 'fillText').map((c) => String(c.args[0]));
    expect(drawn).toContain(formatEdgeLabel(edge.stats));
    expect(formatEdgeLabel(edge.stats).split(' · ')).toHaveLength(3);
  });
});
