// The host's speed, to compare figures of `npm test` taken at different times (docs/performance.md, "The test loop"):
// the CPU seconds of a fixed, allocation-heavy Node workload, like jest's and tsc's. Lower is faster. The same VM
// measured 2.19 s and 3.22 s on one day: a run's CPU divided by this is comparable, its CPU alone is not.
// Usage: npx tsx tools/test/host-speed.ts
const started = process.cpuUsage();
let map = new Map();
for (let i = 0; i < 3e6; i++) {
  map.set(i % 200000, { a: i, b: 'x' + (i % 1000), c: [i, i + 1] });
  if (i % 50000 === 0) map = new Map();
}
const used = process.cpuUsage(started);
console.log(`host speed: ${((used.user + used.system) / 1e6).toFixed(2)} s of CPU for the fixed workload (lower is faster)`);
