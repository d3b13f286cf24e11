import { SceneEdge, SceneNode, WorldRect } from './sceneTypes';

export function isNodeVisible(node: SceneNode, rect: WorldRect): boolean {
  return (
    node.x + node.radius >= rect.minX &&
    node.x - node.radius <= rect.maxX &&
    node.y + node.radius >= rect.minY &&
    node.y - node.radius <= rect.maxY
  );
}

export function isEdgeVisible(edge: SceneEdge, rect: WorldRect): boolean {
  return edge.maxX >= rect.minX && edge.minX <= rect.maxX && edge.maxY >= rect.minY && edge.minY <= rect.maxY;
}
