// The Graph view's layout, run in a Web Worker (graph-worker.js) so that the page stays responsive while a
// big plan is laid out. Features that take part in a `blocks` dependency are ranked into layers (what must come
// first at the top, or the left); features without any such dependency go in a grid below, sorted by status and
// number. In a real plan many features stand alone; ranked with the rest they would all share the first layer
// and make one row thousands of pixels wide.
//
// Up to DAGRE_LIMIT ranked features, dagre (the webjar's bundle, loaded into the worker) lays them out: its
// crossing reduction and coordinate assignment give the tidiest drawing. Above that, dagre takes minutes (10,000
// features), so the ranked part is laid out here in O(V + E) per pass: longest-path layers, three barycentre
// sweeps to untangle neighbouring layers, wide layers wrapped into several rows, and a long run of layers cut
// into bands side by side.
//
// A classic script, not a module: the worker loads it with importScripts beside dagre's bundle.
(function (scope) {
  const STATUS_ORDER = { in_progress: 0, blocked: 1, pending: 2, complete: 3 };
  const DAGRE_LIMIT = 800;

  /** [{id, number}] with their ranked positions from dagre: Map id -> {x, y}. */
  function withDagre(ranked, blocking, size, direction) {
    const g = new scope.dagre.graphlib.Graph({ multigraph: false });
    // ranker: network-simplex (dagre's default) gives the tightest layers but is quadratic-ish;
    // tight-tree is close enough and much faster on a few hundred features.
    g.setGraph({ rankdir: direction, nodesep: 18, ranksep: direction === 'TB' ? 56 : 72, edgesep: 8, marginx: 0, marginy: 0,
      ranker: ranked.length > 250 ? 'tight-tree' : 'network-simplex' });
    g.setDefaultEdgeLabel(() => ({}));
    // Insert in number order so that equal layouts come out the same from one refresh to the next.
    ranked.forEach((n) => g.setNode(n.id, { width: size.width, height: size.height }));
    // Drawn from the dependency to its dependent: foundations on top, the work they unlock below.
    blocking.forEach((e) => g.setEdge(e.to, e.from));
    scope.dagre.layout(g);
    const positions = new Map();
    g.nodes().forEach((id) => { const { x, y } = g.node(id); positions.set(id, { x, y }); });
    return positions;
  }

  /** Whether a drawing is more than four times longer one way than the other. */
  function stretched(positions) {
    let minX = Infinity; let maxX = -Infinity; let minY = Infinity; let maxY = -Infinity;
    for (const { x, y } of positions.values()) {
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    const w = maxX - minX + 1;
    const h = maxY - minY + 1;
    return Math.max(w / h, h / w) > 4 && positions.size > 40;
  }

  /** The O(V + E) layered layout for big plans; same shape of answer as withDagre. */
  function layered(ranked, blocking, size, direction, progress) {
    const index = new Map(ranked.map((n, i) => [n.id, i]));
    const count = ranked.length;
    const down = Array.from({ length: count }, () => []); // dependency -> its dependents
    const up = Array.from({ length: count }, () => []);
    const indegree = new Int32Array(count);
    for (const e of blocking) {
      const a = index.get(e.to);
      const b = index.get(e.from);
      down[a].push(b);
      up[b].push(a);
      indegree[b]++;
    }
    // Longest-path layers (Kahn's order); a feature on a cycle is put one layer below everything else.
    const layer = new Int32Array(count).fill(-1);
    const queue = [];
    for (let v = 0; v < count; v++) if (indegree[v] === 0) { queue.push(v); layer[v] = 0; }
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head];
      for (const w of down[v]) {
        layer[w] = Math.max(layer[w], layer[v] + 1);
        if (--indegree[w] === 0) queue.push(w);
      }
    }
    let layers = 0;
    for (let v = 0; v < count; v++) layers = Math.max(layers, layer[v] + 1);
    if (queue.length < count) {
      for (let v = 0; v < count; v++) if (indegree[v] > 0) layer[v] = layers;
      layers++;
    }
    progress('layers');

    const rows = Array.from({ length: layers }, () => []);
    for (let v = 0; v < count; v++) rows[layer[v]].push(v); // number order within a layer to start
    const place = new Float64Array(count);
    const setPlaces = (row) => row.forEach((v, i) => { place[v] = i / Math.max(1, row.length); });
    rows.forEach(setPlaces);
    // Barycentre sweeps: order each layer by the mean place of its neighbours in the layer before it.
    const key = new Float64Array(count);
    const sweep = (order, neighbours) => {
      for (const r of order) {
        const row = rows[r];
        for (const v of row) {
          const ns = neighbours[v];
          if (!ns.length) { key[v] = place[v]; continue; }
          let sum = 0;
          for (const w of ns) sum += place[w];
          key[v] = sum / ns.length;
        }
        row.sort((a, b) => key[a] - key[b] || a - b);
        setPlaces(row);
      }
    };
    const forward = [...rows.keys()];
    sweep(forward.slice(1), up);
    sweep(forward.slice(0, -1).reverse(), down);
    sweep(forward.slice(1), up);
    progress('order');

    // A layer wider than `wrap` boxes is folded into several rows (columns when left to right).
    const wrap = Math.max(24, Math.ceil(Math.sqrt(count) * 1.5));
    const across = (direction === 'TB' ? size.width : size.height) + 18;
    const along = (direction === 'TB' ? size.height + 56 : size.width + 72);
    const fold = (direction === 'TB' ? size.height : size.width) + 18;
    let widest = 1;
    for (const row of rows) widest = Math.max(widest, Math.min(wrap, row.length));
    const lineCounts = rows.map((row) => Math.ceil(row.length / wrap));
    const depths = [];
    let total = 0;
    lineCounts.forEach((lines) => { depths.push(total); total += (lines - 1) * fold + along; });
    // A plan of long chains has hundreds of layers: one strip of them would be a thin line on the screen.
    // The layers are cut into bands laid side by side, as many as give a screen-like shape (about 16:10).
    const breadth = widest * across + along;
    const bands = Math.max(1, Math.round(direction === 'TB' ? Math.sqrt(1.6 * total / breadth)
      : Math.sqrt(total / (1.6 * breadth))));
    const bandDepth = total / bands;
    const positions = new Map();
    rows.forEach((row, r) => {
      const band = Math.min(bands - 1, Math.floor(depths[r] / bandDepth));
      const depth = depths[r] - band * bandDepth;
      const lines = lineCounts[r];
      const perLine = Math.ceil(row.length / lines);
      row.forEach((v, i) => {
        const line = Math.floor(i / perLine);
        const inLine = i % perLine;
        const lineLength = Math.min(perLine, row.length - line * perLine);
        const a = band * breadth + (inLine + (widest - lineLength) / 2) * across + across / 2; // centred across
        const b = depth + line * fold + (direction === 'TB' ? size.height : size.width) / 2;
        positions.set(ranked[v].id, direction === 'TB' ? { x: a, y: b } : { x: b, y: a });
      });
    });
    return positions;
  }

  /**
   * @param nodes [{id, number, status}]
   * @param edges [{from, to, kind}] as the API sends them: `from` depends on `to`
   * @param size {width, height} of a node box
   * @param direction 'TB' (dependencies above what they enable) or 'LR' (to the left of it)
   * @param progress called with the name of each finished step
   * @returns Map id -> {x, y} (box centres)
   */
  function layout(nodes, edges, size, direction = 'TB', progress = () => {}) {
    const ids = new Set(nodes.map((n) => n.id));
    const blocking = edges.filter((e) => e.kind === 'blocks' && ids.has(e.from) && ids.has(e.to) && e.from !== e.to);
    const linked = new Set();
    blocking.forEach((e) => { linked.add(e.from); linked.add(e.to); });
    const ranked = nodes.filter((n) => linked.has(n.id)).sort((a, b) => a.number - b.number);

    let positions = new Map();
    let bottom = 0;
    let width = 0;
    if (ranked.length) {
      positions = ranked.length <= DAGRE_LIMIT && scope.dagre ? withDagre(ranked, blocking, size, direction) : null;
      // dagre draws one strip of layers: a long critical path makes it a thin line across the screen. The
      // layered layout cuts such a strip into bands.
      if (!positions || stretched(positions)) positions = layered(ranked, blocking, size, direction, progress);
      for (const { x, y } of positions.values()) {
        bottom = Math.max(bottom, y + size.height / 2);
        width = Math.max(width, x + size.width / 2);
      }
    }
    progress('ranked');

    const alone = nodes.filter((n) => !linked.has(n.id))
      .sort((a, b) => (STATUS_ORDER[a.status] - STATUS_ORDER[b.status]) || (a.number - b.number));
    if (alone.length) {
      const gap = 18;
      const cell = size.width + gap;
      // As wide as the ranked part, or wider when that would make a tall thin column: a grid of
      // about 2.5 columns per row keeps a few hundred boxes roughly screen-shaped.
      const byShape = Math.ceil(Math.sqrt(alone.length * 2.5));
      const columns = Math.min(alone.length, Math.max(Math.round(width / cell), byShape));
      const top = ranked.length ? bottom + size.height * 1.5 : 0;
      alone.forEach((n, i) => {
        positions.set(n.id, {
          x: (i % columns) * cell + size.width / 2,
          y: top + Math.floor(i / columns) * (size.height + gap) + size.height / 2,
        });
      });
    }
    return positions;
  }

  scope.ijokaLayout = { layout, DAGRE_LIMIT };
}(self));
