// A step of Trunk's post_build hook (scripts/post-build.mjs): the style sheets of the views the
// overview does not draw (charts, timeline, story, map) leave the page's head, where they held
// back the first paint of every view, and are named in `<meta name="cke-later-styles">`
// instead. The data preloader (scripts/preload-data.js) loads them before it shows the fragment
// of a view that needs them; the app loads them before it draws such a view and when the browser
// is idle (src/services/chunk.rs, view_styles). `e2e/styles.test.mjs` checks that the overview
// matches none of their rules.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The style sheets loaded later, by the name Trunk gives them (`<name>-<hash>.css`). */
export const LATER_STYLES = ['charts', 'timeline', 'story', 'map'];

export function laterStyles(dir) {
  const indexPath = join(dir, 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  const hrefs = [];
  const kept = html.replace(/<link rel="stylesheet" href="([^"]*)"[^>]*>\s*/g, (tag, href) => {
    const name = href.split('/').pop().match(/^([a-z]+)-[0-9a-f]+\.css$/)?.[1];
    if (!LATER_STYLES.includes(name)) return tag;
    hrefs.push(href);
    return '';
  });
  if (hrefs.length !== LATER_STYLES.length) {
    throw new Error(`expected the style sheets ${LATER_STYLES.join(', ')} in index.html, found ${hrefs.join(', ') || 'none'}`);
  }
  writeFileSync(indexPath, kept.replace('</head>', `<meta name="cke-later-styles" content="${hrefs.join(' ')}"></head>`));
  console.log(`later-styles: ${hrefs.length} style sheets loaded with their views: ${hrefs.join(' ')}`);
}
