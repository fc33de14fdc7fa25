// npm run bundle: bundles the pages' own scripts for the browser into lib/render/browser/bundles.generated.ts.
import { writeFileSync } from 'node:fs';
import { BUNDLES_FILE, bundleBrowserScripts } from './browser-bundles.ts';

writeFileSync(BUNDLES_FILE, await bundleBrowserScripts());
console.log(`wrote ${BUNDLES_FILE}`);
