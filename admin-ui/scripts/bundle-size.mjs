// Sizes of the built UI (admin-ui/dist): what the sign-in page loads (the entry
// script and the chunks index.html preloads) and the whole bundle, raw and gzip.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = join(import.meta.dirname, '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const signIn = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const all = readdirSync(join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f)).map((f) => `assets/${f}`);

const measure = (files) =>
  files.reduce(
    (sum, file) => {
      const bytes = readFileSync(join(dist, file));
      return { raw: sum.raw + bytes.length, gzip: sum.gzip + gzipSync(bytes, { level: 9 }).length };
    },
    { raw: 0, gzip: 0 },
  );
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
for (const [name, files] of [['sign-in page', signIn], ['whole UI', all]]) {
  const { raw, gzip } = measure(files);
  console.log(`${name}: ${files.length} files, ${kB(raw)} raw, ${kB(gzip)} gzip`);
}
