import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { BUNDLES_FILE, bundleBrowserScripts } from '../../scripts/browser-bundles.ts';

describe('lib/render/browser/bundles.generated.ts', () => {
  it('is current with the browser scripts and the rules they bundle (run `npm run bundle` after changing them)', async () => {
    assert.equal(readFileSync(BUNDLES_FILE, 'utf8'), await bundleBrowserScripts());
  });
});
