/*
Types for the parts of undici that REST imports one by one (protocol/dispatcher.ts): undici's own
types describe only its index, which loads all of it. Each of these files is a CommonJS module whose
`module.exports` is what its default export is typed as here.
*/

declare module 'undici/lib/dispatcher/agent.js' {
	import type {Agent} from 'undici';

	const AgentClass: typeof Agent;
	export default AgentClass;
}

declare module 'undici/lib/dispatcher/proxy-agent.js' {
	import type {ProxyAgent} from 'undici';

	const ProxyAgentClass: typeof ProxyAgent;
	export default ProxyAgentClass;
}

declare module 'undici/lib/dispatcher/dispatcher.js' {
	import type {Dispatcher} from 'undici';

	const DispatcherClass: typeof Dispatcher;
	export default DispatcherClass;
}

declare module 'undici/lib/api/api-connect.js' {
	import type {Dispatcher} from 'undici';

	/** Dispatcher's connect(), called with the dispatcher as `this`. */
	const connect: Dispatcher['connect'];
	export default connect;
}

declare module 'undici/lib/api/api-request.js' {
	import type {Dispatcher} from 'undici';

	/** What `request` gives a dispatcher: the answer's status, headers and body, or an error. */
	export class RequestHandler {
		constructor(
			options: Dispatcher.RequestOptions,
			callback: (error: Error | undefined, data: Dispatcher.ResponseData) => void,
		);

		/** Called once the request has gone out whole (undici calls it when it is set). */
		onRequestSent?: () => void;
	}
}
