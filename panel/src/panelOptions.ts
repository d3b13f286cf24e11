import { PanelOptionsEditorBuilder } from '@grafana/data';
import { defaultOptions } from './defaults';
import { HiddenKindsEditor } from './editor/HiddenKindsEditor';
import { PinsEditor } from './editor/PinsEditor';
import type { DataflowOptions } from './types';

const LAYOUT = 'Layout';
const FLOW = 'Flow';
const HEALTH = 'Health';
const INTERACTION = 'Interaction';
const INSIGHT = 'Insight';

/** The options editor: layout, animation, labels, node size and colour, grouping, focus, kinds, pins. */
export function buildPanelOptions(builder: PanelOptionsEditorBuilder<DataflowOptions>): void {
  builder
    .addRadio({
      path: 'layoutMode',
      name: 'Layout',
      description: 'Force-directed map, or left-to-right columns by call depth',
      category: [LAYOUT],
      defaultValue: defaultOptions.layoutMode,
      settings: {
        options: [
          { value: 'force', label: 'Force' },
          { value: 'layered', label: 'Layered' },
        ],
      },
    })
    .addTextInput({
      path: 'groupField',
      name: 'Group by field',
      description: 'Nodes frame field drawn as hulls (e.g. group, namespace); empty for none',
      category: [LAYOUT],
      defaultValue: defaultOptions.groupField,
    })
    .addCustomEditor({
      id: 'hiddenKinds',
      path: 'hiddenKinds',
      name: 'Hide kinds',
      category: [LAYOUT],
      defaultValue: defaultOptions.hiddenKinds,
      editor: HiddenKindsEditor,
    })
    .addRadio({
      path: 'labelDensity',
      name: 'Labels',
      category: [LAYOUT],
      defaultValue: defaultOptions.labelDensity,
      settings: {
        options: [
          { value: 'none', label: 'None' },
          { value: 'low', label: 'Few' },
          { value: 'normal', label: 'Normal' },
          { value: 'high', label: 'Many' },
        ],
      },
    })
    .addBooleanSwitch({
      path: 'showLegend',
      name: 'Legend',
      category: [LAYOUT],
      defaultValue: defaultOptions.showLegend,
    })
    .addCustomEditor({
      id: 'pins',
      path: 'pins',
      name: 'Pinned nodes',
      category: [LAYOUT],
      defaultValue: defaultOptions.pins,
      editor: PinsEditor,
    })
    .addBooleanSwitch({
      path: 'animation',
      name: 'Animated flow',
      description: 'Particles by request rate, moving slower on slower edges (off with reduced motion)',
      category: [FLOW],
      defaultValue: defaultOptions.animation,
    })
    .addSliderInput({
      path: 'animationSpeed',
      name: 'Flow speed',
      category: [FLOW],
      defaultValue: defaultOptions.animationSpeed,
      settings: { min: 0.25, max: 4, step: 0.25 },
      showIf: (options) => options.animation,
    })
    .addRadio({
      path: 'sizeBy',
      name: 'Node size by',
      description: 'Area proportional to the value, relative to the largest node shown',
      category: [HEALTH],
      defaultValue: defaultOptions.sizeBy,
      settings: {
        options: [
          { value: 'rate', label: 'Requests/s' },
          { value: 'requests', label: 'Requests' },
          { value: 'p95', label: 'p95' },
          { value: 'none', label: 'None' },
        ],
      },
    })
    .addRadio({
      path: 'colorBy',
      name: 'Colour by',
      description:
        'Colours and levels from the standard Thresholds: error rate in % (panel Thresholds, default 1 / 5), ' +
        'p95 in ms (add a Thresholds override on the p95 field, default 300 / 1000)',
      category: [HEALTH],
      defaultValue: defaultOptions.colorBy,
      settings: {
        options: [
          { value: 'health', label: 'Health', description: 'The worse of error % and p95' },
          { value: 'errors', label: 'Error %' },
          { value: 'p95', label: 'p95' },
        ],
      },
    })
    .addTextInput({
      path: 'focusVariable',
      name: 'Focus variable',
      description: 'Dashboard variable naming a service to zoom to (alert links use ?var-focus=<service>)',
      category: [INTERACTION],
      defaultValue: defaultOptions.focusVariable,
    })
    .addTextInput({
      path: 'traceLinkTemplate',
      name: 'Traces link',
      description: 'URL for "Explore traces for this edge"; ${client} and ${server} are filled in',
      category: [INTERACTION],
      defaultValue: defaultOptions.traceLinkTemplate,
    })
    .addTextInput({
      path: 'routeVariable',
      name: 'Route variable',
      description:
        '"Show an example request" sets this dashboard variable to the trace id (use ${routeTrace} as the trace id of a trace-mode query)',
      category: [INSIGHT],
      defaultValue: defaultOptions.routeVariable,
    })
    .addBooleanSwitch({
      path: 'showAlerts',
      name: 'Alert badges',
      description: 'Badges for firing Grafana alerts, read with your session at each refresh',
      category: [INSIGHT],
      defaultValue: defaultOptions.showAlerts,
    })
    .addTextInput({
      path: 'alertNodeLabels',
      name: 'Alert labels naming a node',
      description: 'Comma-separated; alerts with client and server labels go on that edge',
      category: [INSIGHT],
      defaultValue: defaultOptions.alertNodeLabels,
      showIf: (options) => options.showAlerts,
    });
}
