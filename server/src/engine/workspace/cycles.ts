// Alignment cycles: `a aligns b` and `b aligns a` (or longer) would roll progress up forever.
// Strongly connected components (Tarjan), computed once per workspace.
import type { AlignNode, Workspace } from './model';

const cache = new WeakMap<Workspace, Map<AlignNode, AlignNode[]>>();

/** For each node on a cycle, the nodes of its cycle in alignment order. */
export function cyclesOf(ws: Workspace): Map<AlignNode, AlignNode[]> {
  let found = cache.get(ws);
  if (!found) cache.set(ws, (found = findCycles(ws)));
  return found;
}

function findCycles(ws: Workspace): Map<AlignNode, AlignNode[]> {
  const index = new Map<AlignNode, number>();
  const low = new Map<AlignNode, number>();
  const stack: AlignNode[] = [];
  const onStack = new Set<AlignNode>();
  const out = new Map<AlignNode, AlignNode[]>();
  let counter = 0;

  // Iterative, so that a long chain of files cannot overflow the call stack.
  for (const start of ws.nodes) {
    if (start.aligns.length === 0 || index.has(start)) continue;
    const work: { node: AlignNode; targets: AlignNode[]; next: number }[] = [];
    const enter = (node: AlignNode) => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, targets: ws.targetsOf(node), next: 0 });
    };
    enter(start);
    while (work.length) {
      const frame = work[work.length - 1];
      if (frame.next < frame.targets.length) {
        const target = frame.targets[frame.next++];
        if (!index.has(target)) enter(target);
        else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: AlignNode[] = [];
      let member: AlignNode;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      const selfLoop = component.length === 1 && ws.targetsOf(component[0]).includes(component[0]);
      if (component.length > 1 || selfLoop) {
        component.reverse();
        for (const node of component) out.set(node, component);
      }
    }
  }
  return out;
}
