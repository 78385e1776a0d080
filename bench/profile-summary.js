'use strict';
/** Self time of a V8 .cpuprofile, by package and by function: `node bench/profile-summary.js file.cpuprofile`. */
const { readFileSync } = require('node:fs');

function packageOf(url) {
  if (!url) return '(native code: I/O, crypto, strings)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm !== -1) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node (core)';
  const src = url.indexOf('/dist/');
  return src !== -1 ? `mamori: ${url.slice(src + 6).replace(/^server\/src\//, '')}` : url;
}

function summarise(file, top = 25) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  // Samples inside the profiler's own start call (node:inspector) are the measurement, not the workload.
  const control = new Set();
  for (const n of profile.nodes) {
    for (let at = n.id; at !== undefined; at = parent.get(at)) {
      if (byId.get(at).callFrame.url === 'node:inspector') {
        control.add(n.id);
        break;
      }
    }
  }
  const self = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    if (!control.has(id)) self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byPackage = new Map();
  const byFunction = new Map();
  for (const [id, us] of self) {
    const { callFrame } = byId.get(id);
    const name = callFrame.functionName || '(anonymous)';
    if (name === '(idle)') continue;
    const pkg = ['(garbage collector)', '(program)'].includes(name) ? name : packageOf(callFrame.url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    const fn = `${name} ${pkg}:${callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const busy = [...byPackage.values()].reduce((a, b) => a + b, 0);
  const table = (m) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `${((100 * us) / busy).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  return `busy ${(busy / 1e6).toFixed(1)} s of ${(total / 1e6).toFixed(1)} s sampled\n\nby package:\n${table(byPackage)}\n\nby function:\n${table(byFunction)}`;
}

/** The top entries by package and by function, as data for the benchmark's JSON and Markdown. */
function topSelfTime(file, top = 8) {
  const text = summarise(file, top);
  const section = (title) =>
    text
      .split(`${title}:\n`)[1]
      .split('\n\n')[0]
      .split('\n')
      .map((line) => {
        const [, percent, name] = /^\s*([\d.]+)%\s+(.*)$/.exec(line) ?? [];
        return { percent: Number(percent), name };
      });
  return { byPackage: section('by package'), byFunction: section('by function') };
}

module.exports = { summarise, topSelfTime };
if (require.main === module) console.log(summarise(process.argv[2], Number(process.argv[3] ?? 25)));
