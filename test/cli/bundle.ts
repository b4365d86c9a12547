// The built command line carries meow without what only reading package.json needs
// (scripts/meow-bundle.js). Run `npm run build` first.
import {readFile} from 'node:fs/promises';
import test from 'ava';
import {cliPath} from '../helpers/terminal.js';

const mainPath = cliPath.replace(/cli\.cjs$/, 'main.cjs');

test("the bundle has meow, without normalize-package-data or Babel's code frame", async (t) => {
	const script = await readFile(mainPath, 'utf8');
	// Meow's own messages: it is in.
	t.true(script.includes('can only be set once'));
	// normalize-package-data's warnings, read-package-up's JSON errors.
	t.false(script.includes('No README data'));
	t.false(script.includes('codeFrameColumns'));
});
