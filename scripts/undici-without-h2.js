// undici's HTTP/2 client, left out of the command line's script (dist/main.cjs). undici loads it,
// and with it Node's http2 module, as soon as any of its clients loads; that is about half of what
// loading undici's Agent costs, on the way to the chat's first request (source/startup/first-page.ts).
// It is used only for a server that agrees to HTTP/2, which undici offers only when asked to
// (`allowH2`), and chat-tui never asks. The SDK (dist/sdk.js) imports undici as it is.
import path from 'node:path';

const client = path.join('node_modules', 'undici', 'lib', 'dispatcher', 'client.js');
let replaced = false;

export const undiciWithoutH2 = {
	name: 'undici-without-h2',
	setup(builder) {
		builder.onResolve({filter: /^\.\/client-h2\.js$/}, ({importer}) => {
			if (!importer.endsWith(client)) {
				return undefined;
			}

			replaced = true;
			return {path: 'undici-client-h2', namespace: 'undici-without-h2'};
		});
		builder.onLoad({filter: /.*/, namespace: 'undici-without-h2'}, () => ({
			contents:
				"module.exports = () => { throw new Error('chat-tui is built without HTTP/2 (see scripts/undici-without-h2.js)'); };",
			loader: 'js',
		}));
	},
};

/** Fail the build when undici no longer imports its HTTP/2 client the way this expects. */
export function checkUndiciWithoutH2() {
	if (!replaced) {
		throw new Error(`${client} no longer imports ./client-h2.js: was undici upgraded?`);
	}
}
