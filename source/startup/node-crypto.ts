import type * as Crypto from 'node:crypto';
import {createRequire} from 'node:module';

let crypto: typeof Crypto | undefined;

/**
 * Node's crypto, loaded the first time it is needed: it takes several milliseconds to load, and
 * the chat's first frame needs none of it (the outbox's name and the socket's keys come later).
 */
export function nodeCrypto(): typeof Crypto {
	crypto ??= createRequire(import.meta.url)('node:crypto') as typeof Crypto;
	return crypto;
}
