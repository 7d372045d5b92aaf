// The Graph view's layout: dagre ranks the features that take part in a `blocks` dependency into
// layers (what must come first at the top), and the features without any such dependency go in a
// grid below, sorted by status and number. In a real plan many features stand alone; ranked by dagre
// they would all share the first layer and make one row thousands of pixels wide.
//
// No cytoscape-dagre adapter is served as a webjar, so this module is that adapter: it runs dagre
// (the global `dagre` from the webjar's bundle) and returns positions for cytoscape's preset layout.

const STATUS_ORDER = { in_progress: 0, blocked: 1, pending: 2, complete: 3 };

/**
 * @param nodes [{id, number, status}]
 * @param edges [{from, to, kind}] as the API sends them: `from` depends on `to`
 * @param size {width, height} of a node box
 * @param direction 'TB' (dependencies above what they enable) or 'LR' (to the left of it)
 * @returns Map id -> {x, y} (box centres)
 */
export function layout(nodes, edges, size, direction = 'TB') {
  const ids = new Set(nodes.map((n) => n.id));
  const blocking = edges.filter((e) => e.kind === 'blocks' && ids.has(e.from) && ids.has(e.to) && e.from !== e.to);
  const linked = new Set();
  blocking.forEach((e) => { linked.add(e.from); linked.add(e.to); });

  const positions = new Map();
  let bottom = 0;
  let width = 0;
  if (linked.size) {
    const g = new dagre.graphlib.Graph({ multigraph: false });
    // ranker: network-simplex (dagre's default) gives the tightest layers but is quadratic-ish;
    // tight-tree is close enough and much faster on the big plans this view still draws.
    g.setGraph({ rankdir: direction, nodesep: 18, ranksep: direction === 'TB' ? 56 : 72, edgesep: 8, marginx: 0, marginy: 0,
      ranker: linked.size > 250 ? 'tight-tree' : 'network-simplex' });
    g.setDefaultEdgeLabel(() => ({}));
    // Insert in number order so that equal layouts come out the same from one refresh to the next.
    nodes.filter((n) => linked.has(n.id)).sort((a, b) => a.number - b.number)
      .forEach((n) => g.setNode(n.id, { width: size.width, height: size.height }));
    // Drawn from the dependency to its dependent: foundations on top, the work they unlock below.
    blocking.forEach((e) => g.setEdge(e.to, e.from));
    dagre.layout(g);
    g.nodes().forEach((id) => {
      const { x, y } = g.node(id);
      positions.set(id, { x, y });
      bottom = Math.max(bottom, y + size.height / 2);
      width = Math.max(width, x + size.width / 2);
    });
  }

  const alone = nodes.filter((n) => !linked.has(n.id))
    .sort((a, b) => (STATUS_ORDER[a.status] - STATUS_ORDER[b.status]) || (a.number - b.number));
  if (alone.length) {
    const gap = 18;
    const cell = size.width + gap;
    // As wide as the ranked part, or wider when that would make a tall thin column: a grid of
    // about 2.5 columns per row keeps a few hundred boxes roughly screen-shaped.
    const byShape = Math.ceil(Math.sqrt(alone.length * 2.5));
    const columns = Math.min(alone.length, Math.max(Math.round(width / cell), byShape));
    const top = linked.size ? bottom + size.height * 1.5 : 0;
    alone.forEach((n, i) => {
      positions.set(n.id, {
        x: (i % columns) * cell + size.width / 2,
        y: top + Math.floor(i / columns) * (size.height + gap) + size.height / 2,
      });
    });
  }
  return positions;
}
