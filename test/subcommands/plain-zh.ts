// Line mode's stderr with --lang zh: every line it writes there is Chinese, against real servers.
import test, {type ExecutionContext} from 'ava';
import {startCli, runCli} from '../helpers/cli-process.js';
import {freePort, proxyTo} from '../helpers/outage.js';
import {startTestServer, waitFor} from '../helpers/server-harness.js';

/**
 * The English words left in `stderr` once the program's name, URLs and the words that are
 * names (HTTP, TLS, a flag) are taken out: none, in Chinese output.
 */
function englishWords(stderr: string): string[] {
	const rest = stderr
		.replaceAll(/^chat-tui: /gm, '')
		.replaceAll(/https?:\/\/\S+?(?=[）)\s]|$)/g, '')
		.replaceAll(/\b(?:HTTP|TLS|NODE_EXTRA_CA_CERTS)\b|--[a-z-]+/g, '');
	return rest.match(/[a-z]{2,}/gi) ?? [];
}

function assertChinese(t: ExecutionContext, stderr: string) {
	t.true(stderr.trim().length > 0, 'something was said');
	t.deepEqual(englishWords(stderr), [], stderr);
	t.regex(stderr, /\p{Script=Han}/u, stderr);
}

test('never connected: the retries and the exit are said in Chinese', async (t) => {
	const port = await freePort();
	const result = await runCli(
		t,
		['--plain', '--lang', 'zh', '--server', `http://127.0.0.1:${port}`],
		{
			input: '',
		},
	);
	t.is(result.code, 1);
	assertChinese(t, result.stderr);
	t.regex(result.stderr, /无法连接到 http:\/\/127\.0\.0\.1:\d+（无法连通服务器/);
	t.regex(result.stderr, /始终未能连接到 /);
});

test('lines not confirmed and a line too long: said in Chinese', async (t) => {
	const port = await freePort();
	const result = await runCli(
		t,
		['--lang', 'zh', '--server', `http://127.0.0.1:${port}`, '--name', 'lost', '--max-length', '5'],
		{input: 'hi\nok\nlonger than five\n'},
	);
	t.is(result.code, 1);
	assertChinese(t, result.stderr);
	t.regex(result.stderr, /第 3 行过长/);
	t.regex(result.stderr, /2 行中有 2 行未得到 http:\/\/127\.0\.0\.1:\d+ 的确认（未连接：/);
});

test('a dropped link and its return: said in Chinese', async (t) => {
	const server = await startTestServer(t);
	const proxy = await proxyTo(t, server.port);
	const run = await startCli(t, [
		'--plain',
		'--lang',
		'zh',
		'--server',
		proxy.url,
		'--name',
		'ming',
	]);
	await run.waitForStdout((out) => out.includes('ming'), 'joined');
	proxy.cut();
	await waitFor(() => run.stderr().includes('连接已断开'), {timeoutMs: 20_000});
	proxy.restore();
	await waitFor(() => run.stderr().includes('已连接到'), {timeoutMs: 20_000});
	run.end();
	t.like(await run.exited, {code: 0});
	assertChinese(t, run.stderr());
	t.regex(run.stderr(), /连接已断开（.+），正在重连\nchat-tui: 已连接到 /);
});
