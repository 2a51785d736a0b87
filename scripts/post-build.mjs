// Trunk's post_build hook. Trunk starts the hooks of one stage at the same time, so the steps
// that must run in order are run here, one after the other, in Trunk's staging dir
// (TRUNK_STAGING_DIR): first the view style sheets leave the head (scripts/later-styles.mjs) and
// the inline loader becomes a file (both rewrite index.html); then, for release builds only
// (`trunk serve` stays quick), every view is prerendered (it adds the fragments and their
// manifest to index.html; CKE_PRERENDER=0 skips it, for a build without Chromium;
// CKE_PRERENDER_FROM=<dist> takes those of a finished build of the same sources) and every file
// gets its `.br` and `.gz` copy. Add new steps before the last.
import { laterStyles } from './later-styles.mjs';
import { precompress } from './precompress.mjs';
import { splitPostBuild } from './split.mjs';

// The split build (scripts/split.mjs): index.html loads its boot script.
splitPostBuild(process.env.TRUNK_STAGING_DIR);
laterStyles(process.env.TRUNK_STAGING_DIR);
await import('./extract-loader.mjs');
if (process.env.TRUNK_PROFILE === 'release') {
  if (process.env.CKE_PRERENDER === '0') console.log('prerender: skipped (CKE_PRERENDER=0)');
  else if (process.env.CKE_PRERENDER_FROM) {
    const { prerenderFrom } = await import('./prerender.mjs');
    prerenderFrom(process.env.TRUNK_STAGING_DIR, process.env.CKE_PRERENDER_FROM);
  } else await (await import('./prerender.mjs')).prerender(process.env.TRUNK_STAGING_DIR);
  const totals = precompress(process.env.TRUNK_STAGING_DIR);
  console.log(`precompress: ${totals.files} files, ${totals.raw} B raw → ${totals.br} B .br, ${totals.gz} B .gz`);
}
