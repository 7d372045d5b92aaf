// The header's burn-up chart: total features and completed features over time, from the event log
// (/api/projects/{p}/burnup), drawn with uPlot and redrawn when features are created, completed or reopened.
import { get, debounce } from './api.js';
import { onEvent } from './live.js';

const el = document.getElementById('burnup');
let chart = null;

async function draw() {
  if (!el || typeof uPlot === 'undefined') return;
  let series;
  try {
    series = await get(el.dataset.url);
  } catch (err) {
    console.warn('ijoka: burn-up failed', err);
    return;
  }
  const points = series.points;
  if (points.length === 0) {
    el.textContent = '';
    return;
  }
  const data = [
    points.map((p) => Date.parse(p.at) / 1000),
    points.map((p) => p.total),
    points.map((p) => p.complete),
  ];
  if (data[0].length === 1) { // uPlot needs two points for a line: show the one as a flat step
    data[0].push(data[0][0] + 60);
    data[1].push(data[1][0]);
    data[2].push(data[2][0]);
  }
  const last = points.at(-1);
  el.title = `Burn-up: ${last.complete} of ${last.total} complete (per ${series.bucket})`;
  el.setAttribute('aria-label', el.title);
  if (chart) {
    chart.setData(data);
    return;
  }
  chart = new uPlot({
    width: el.clientWidth || 240,
    height: el.clientHeight || 48,
    legend: { show: false },
    cursor: { show: false },
    axes: [{ show: false }, { show: false }],
    // From zero, with headroom: otherwise uPlot fits the range to the data and a flat line sits on the edge, unseen.
    scales: { y: { range: (u, min, max) => [0, Math.max(1, max) * 1.1] } },
    series: [{}, { label: 'total', stroke: '#8a94a6', width: 1.5, fill: 'rgba(138,148,166,0.12)' },
      { label: 'complete', stroke: '#2e9d5b', width: 2, fill: 'rgba(46,157,91,0.25)' }],
  }, data, el);
}

const redraw = debounce(draw, 1000);
onEvent((e) => {
  if (e.type === 'feature_created' || e.type === 'feature_completed' || e.type === 'feature_reopened') redraw();
});
window.addEventListener('load', draw);

// The header wraps on narrow windows: keep the chart the size of its box.
window.addEventListener('resize', debounce(() => {
  if (chart && el) chart.setSize({ width: el.clientWidth || 240, height: el.clientHeight || 48 });
}, 200));
