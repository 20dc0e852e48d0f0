// Bundles the page (uPlot and our code, JS and CSS) with esbuild and copies index.html and the icon: the output
// goes into the jar, so the page needs no network at run time.
//   node build.mjs [--outdir DIR]     (Maven passes target/classes/static)
import { build } from 'esbuild';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
    options: { outdir: { type: 'string', default: join(here, '../../../target/classes/static') } },
});
const outdir = resolve(values.outdir);

// The bundle is minified, so uPlot's MIT licence travels next to it, named in a banner.
const uplot = JSON.parse(await readFile(join(here, 'node_modules/uplot/package.json'), 'utf8'));
await mkdir(join(outdir, 'licenses'), { recursive: true });
await copyFile(join(here, 'node_modules/uplot/LICENSE'), join(outdir, 'licenses/uPlot-LICENSE.txt'));

await build({
    entryPoints: { app: join(here, 'src/main.js') },
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'iife',
    target: ['es2020'],
    outdir,
    logLevel: 'warning',
    banner: { js: `/*! Includes uPlot ${uplot.version} (MIT licence: licenses/uPlot-LICENSE.txt) */` },
});
for (const file of ['index.html', 'favicon.svg']) {
    await copyFile(join(here, 'src', file), join(outdir, file));
}
console.log(`dashboard page built into ${outdir}`);
