// JSON paths as the validators write them (`rows[3].limit.max`) and where they are in a JSON or JSONC text,
// so that a problem is shown on the value it names. jsonc-parser reads comments and trailing commas too.
import { findNodeAtLocation, type Node, parseTree, type Segment } from 'jsonc-parser';

/** `rows[3].limit.max` -> ['rows', 3, 'limit', 'max']. */
export function pathSegments(path: string): Segment[] {
  return [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]));
}

/**
 * Where the value at `path` is: a number, string or literal whole; an object or array by its property name
 * (or its first character, in an array), not the whole block. The deepest node found when the path goes
 * further than the text; never throws.
 */
export function locateJsonPath(text: string, path: string, root: Node | undefined = parseTree(text, [], { allowTrailingComma: true })): { start: number; end: number } {
  if (!root) return { start: 0, end: Math.min(text.length, 1) };
  const segments = pathSegments(path);
  let node: Node = root;
  for (let i = segments.length; i > 0; i--) {
    const hit = findNodeAtLocation(root, segments.slice(0, i));
    if (hit) {
      node = hit;
      break;
    }
  }
  if (node.type !== 'object' && node.type !== 'array') return { start: node.offset, end: node.offset + node.length };
  const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  return key ? { start: key.offset, end: key.offset + key.length } : { start: node.offset, end: node.offset + 1 };
}
