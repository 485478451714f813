// Streams one statement with the npm trino-client (0.2.9) and prints {rows, ms, peakHeapBytes, rssBytes} as JSON.
// Usage: node trino-npm-bench.mjs http://127.0.0.1:PORT "SELECT bench"
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { Trino, BasicAuth } = require(process.env.TRINO_CLIENT_PATH ?? 'trino-client');

const [server, sql] = process.argv.slice(2);
const trino = Trino.create({ server, source: 'npm-bench', auth: new BasicAuth('bench') });
let rows = 0;
let peakHeap = 0;
const start = performance.now();
const iterator = await trino.query(sql);
for await (const result of iterator) {
  if (result.error) throw new Error(`${result.error.errorName}: ${result.error.message}`);
  for (const row of result.data ?? []) {
    rows++;
    if (row.length !== 8) throw new Error('short row');
  }
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}
const ms = performance.now() - start;
console.log(JSON.stringify({ rows, ms, peakHeapBytes: peakHeap, rssBytes: process.memoryUsage().rss }));
