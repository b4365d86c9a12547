// `--help`, `-h`, `-v` and each command's own help page, from the built command line.
import test from 'ava';
import packageJson from '../../package.json' with {type: 'json'};
import {commandSpecs} from '../../source/cli/flags.js';
import {runCli} from '../helpers/cli-process.js';

const commands = Object.keys(commandSpecs).filter((name) => name !== 'chat');

for (const command of commands) {
	test(`${command} --help prints its own help: usage, its flags, examples`, async (t) => {
		const result = await runCli(t, [command, '--help']);
		t.is(result.code, 0, `stderr: ${result.stderr}`);
		t.regex(result.stdout, new RegExp(`\\n {2}Usage\\n {4}\\$ chat-tui ${command}`));
		t.regex(result.stdout, /\n {2}Options\n/);
		t.regex(result.stdout, new RegExp(`\\n {2}Examples\\n {4}\\$ chat-tui ${command}`));
		t.false(result.stdout.includes('Chat options'), 'not the global help');
		t.true(result.stdout.split('\n').length < 30, 'a page of its own');
	});
}

test('serve -h lists exactly the flags serve takes', async (t) => {
	const result = await runCli(t, ['serve', '-h']);
	t.is(result.code, 0);
	const flags = result.stdout.match(/^ {4}(--[\w-]+)/gm)?.map((flag) => flag.trim());
	t.deepEqual(flags, [
		'--host',
		'--port',
		'--data',
		'--cert',
		'--key',
		'--rate-limit',
		'--redis',
		'--lang',
	]);
	t.regex(result.stdout, /-h, --help/);
});

test('-h is the global help; -v and --version print the version', async (t) => {
	const help = await runCli(t, ['-h']);
	t.is(help.code, 0);
	t.regex(help.stdout, /Chat options/);
	t.regex(help.stdout, /chat-tui <command> --help/);
	for (const flag of ['-v', '--version']) {
		const version = await runCli(t, [flag]);
		t.is(version.code, 0);
		t.is(version.stdout, `${packageJson.version}\n`);
	}
});

test('the help is in the language of the labels: LANG, else --lang', async (t) => {
	const zh = await runCli(t, ['serve', '--help'], {env: {LANG: 'zh_CN.UTF-8'}});
	t.is(zh.code, 0, `stderr: ${zh.stderr}`);
	t.regex(zh.stdout, /\n {2}用法\n {4}\$ chat-tui serve \[选项]\n/);
	t.regex(zh.stdout, /^ {4}--port 端口 +端口（默认 3000/m);
	const global = await runCli(t, ['-h', '--lang', 'zh']);
	t.regex(global.stdout, /^\n {2}聊天服务的全屏终端客户端\n\n {2}用法\n/);
	t.regex(global.stdout, /聊天选项/);
	const english = await runCli(t, ['send', '-h'], {env: {LANG: 'zh_CN.UTF-8'}});
	t.regex(english.stdout, /用法/);
	const forced = await runCli(t, ['send', '-h', '--lang', 'en'], {env: {LANG: 'zh_CN.UTF-8'}});
	t.regex(forced.stdout, /\n {2}Usage\n/);
});

test('an unknown command with --help is still an unknown command', async (t) => {
	const result = await runCli(t, ['nonsense', '--help']);
	t.is(result.code, 2);
	t.regex(result.stderr, /^chat-tui: unknown command "nonsense"/);
});
