// Bundles the client into dist/: index.html, app.js (socket.io-client included) and app.css.
// Nothing is loaded from another host at run time.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';

const out = new URL('./dist/', import.meta.url);
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: ['src/main.js'],
  bundle: true,
  format: 'esm',
  target: 'es2020',
  minify: true,
  sourcemap: true,
  outfile: 'dist/app.js',
  logLevel: 'warning',
});
// The operator's pages: the admin console (served by the game server at /admin) and the replay viewer.
for (const [dir, entry] of [['admin', 'console'], ['replay', 'viewer']]) {
  await mkdir(new URL(`${dir}/`, out), { recursive: true });
  await build({
    entryPoints: [`src/${dir}/${entry}.js`],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    outfile: `dist/${dir}/${entry}.js`,
    logLevel: 'warning',
  });
  await copyFile(new URL(`./src/${dir}/index.html`, import.meta.url), new URL(`${dir}/index.html`, out));
  await copyFile(new URL(`./src/${dir}/${entry}.css`, import.meta.url), new URL(`${dir}/${entry}.css`, out));
}
await copyFile(new URL('./src/index.html', import.meta.url), new URL('index.html', out));
await copyFile(new URL('./src/app.css', import.meta.url), new URL('app.css', out));
console.log('built dist/index.html, dist/app.js, dist/app.css');
