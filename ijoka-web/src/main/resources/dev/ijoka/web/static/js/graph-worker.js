// The Graph view's layout worker: lays the graph out off the page's main thread, so a big plan never freezes
// the page. The page posts {nodes, edges, size, direction, dagre: URL of dagre's webjar bundle, request}; the
// worker answers {type: 'progress', step, request} as it goes and then {type: 'done', request, ids, xy} with
// the positions as one Float64Array (x0, y0, x1, y1, ...), transferred rather than copied.
let loaded = null;

self.onmessage = (message) => {
  const { nodes, edges, size, direction, dagre, request } = message.data;
  try {
    if (loaded !== dagre) {
      importScripts(dagre, '/static/js/graph-layout.js');
      loaded = dagre;
    }
    const started = performance.now();
    const positions = self.ijokaLayout.layout(nodes, edges, size, direction,
      (step) => self.postMessage({ type: 'progress', step, request }));
    const ids = [...positions.keys()];
    const xy = new Float64Array(ids.length * 2);
    ids.forEach((id, i) => { const p = positions.get(id); xy[2 * i] = p.x; xy[2 * i + 1] = p.y; });
    self.postMessage({ type: 'done', request, ids, xy, ms: performance.now() - started }, [xy.buffer]);
  } catch (err) {
    self.postMessage({ type: 'error', request, message: String(err && err.message || err) });
  }
};
