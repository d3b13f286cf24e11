import { PanelPlugin } from '@grafana/data';
import { DataflowPanel } from './DataflowPanel';

export const plugin = new PanelPlugin(DataflowPanel);
