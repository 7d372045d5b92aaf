// The header's progress meter, kept live: layout.js refreshes the counts from /api/projects/{p}/status
// after every feature event and announces the answer as an 'ijoka:status' event on the document.
const meter = document.getElementById('progress-meter');

document.addEventListener('ijoka:status', (e) => {
  const p = e.detail.progress;
  if (!meter) return;
  meter.max = Math.max(1, p.total);
  meter.value = p.complete;
  meter.title = `${p.complete} of ${p.total} complete`;
});
