import { forceLayout } from './forceLayout';
import { LayoutRequest } from './layoutTypes';

// Thin shell: message in -> forceLayout -> message out.
self.onmessage = (event: MessageEvent<{ id: number; request: LayoutRequest }>) => {
  const { id, request } = event.data;
  self.postMessage({ id, result: forceLayout(request) });
};
