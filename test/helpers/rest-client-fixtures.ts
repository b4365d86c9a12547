/**
 * Helpers for the REST client tests (test/protocol/rest-client-*.ts): a plain HTTP peer that
 * answers as a test likes, and the ChatApiError a call must throw.
 */
import http from 'node:http';
import type {ExecutionContext} from 'ava';
import {ChatApiError, type ChatErrorKind} from '../../source/protocol/errors.js';
import {forbiddenControl} from './safe-text.js';
import {listenOnLoopback} from './server-harness.js';

export const alice = {userId: 'u-alice', username: 'alice'};

/** A real HTTP peer on an ephemeral loopback port that answers with `handler`; closed at teardown. */
export async function startHttpServer(
	t: ExecutionContext,
	handler: http.RequestListener,
): Promise<{url: string; requests: string[]}> {
	const requests: string[] = [];
	const server = http.createServer((request, response) => {
		requests.push(`${request.method ?? ''} ${request.url ?? ''}`);
		handler(request, response);
	});
	return {url: await listenOnLoopback(t, server), requests};
}

export async function expectApiError(
	t: ExecutionContext,
	call: Promise<unknown>,
	kind: ChatErrorKind,
	url: string,
): Promise<ChatApiError> {
	const error = await t.throwsAsync(call, {instanceOf: ChatApiError});
	if (!error) {
		throw new Error('no ChatApiError was thrown');
	}

	t.is(error.kind, kind, error.message);
	t.true(error.message.includes(url), `"${error.message}" names ${url}`);
	t.notRegex(error.message, forbiddenControl);
	return error;
}
