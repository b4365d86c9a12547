/*
What scripts/build.js does to Ink in the bundle, done for the tests too (a module resolve hook):
Ink's Output is chat-tui's (source/render/output.ts), and every package that measures text gets
chat-tui's string-width (source/text/width.ts). Ink's log-update is replaced in the bundle as well,
but ink-testing-library draws without one (whole frames, for lastFrame()); the end-to-end tests run
the bundle itself.
*/
const root = new URL('../../', import.meta.url);
// As .js, the way our sources import each other: tsx, the next resolver, finds the .ts.
const ourOutput = new URL('source/render/output.js', root).href;
const ourWidth = new URL('source/text/width.js', root).href;

export async function resolve(specifier, context, nextResolve) {
	const parent = context.parentURL ?? '';
	if (specifier === './output.js' && parent.endsWith('/node_modules/ink/build/renderer.js')) {
		return nextResolve(ourOutput, context);
	}

	// Ink's own Output is not in the bundle; test/render/output.ts compares ours with it as it is.
	if (
		specifier === 'string-width' &&
		parent.includes('/node_modules/') &&
		!parent.endsWith('/node_modules/ink/build/output.js')
	) {
		return nextResolve(ourWidth, context);
	}

	return nextResolve(specifier, context);
}
