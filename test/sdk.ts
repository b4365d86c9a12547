// The SDK as a package user gets it: `import {ChatClient, ChatRestApi} from 'chat-tui'` through
// the exports map (the built dist/sdk.js), and its declaration files typing a consumer's code.
import {execFile} from 'node:child_process';
import {access, mkdir, mkdtemp, rm, symlink, writeFile} from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import test from 'ava';
import type * as SdkModule from '../source/sdk.js';
import {startTestServer} from './helpers/server-harness.js';

type Sdk = typeof SdkModule;

const root = fileURLToPath(new URL('..', import.meta.url));
// A name held in a variable: the type checker never needs the build, node resolves the package.
const packageName = 'chat-tui';
const sdk = (await import(packageName)) as Sdk;

test('chat-tui resolves through the exports map to the built dist/sdk.js', (t) => {
	t.is(fileURLToPath(import.meta.resolve(packageName)), path.join(root, 'dist', 'sdk.js'));
	t.is(typeof sdk.ChatClient, 'function');
	t.is(typeof sdk.ChatRestApi, 'function');
	t.is(typeof sdk.ChatApiError, 'function');
});

test('the package ChatClient and ChatRestApi talk to the reference server', async (t) => {
	const server = await startTestServer(t);
	const client = new sdk.ChatClient({url: server.url, username: 'ada', userId: 'u-ada'});
	t.teardown(() => {
		client.close();
	});
	const seen: string[] = [];
	client.on('message', (message) => seen.push(`${message.sender ?? '-'}: ${message.content}`));
	await client.connect();
	const echo = await client.sendMessage('hello from the package');
	t.like(echo, {type: 'text', sender: 'ada', senderId: 'u-ada', content: 'hello from the package'});
	t.true(seen.includes('ada: hello from the package'));

	const api = new sdk.ChatRestApi({baseUrl: `${server.url}/api`});
	const page = await api.getMessages({limit: 10});
	t.true(page.messages.some((message) => message.content === 'hello from the package'));
	const users = await api.getUsers();
	t.deepEqual(users.users, [{userId: 'u-ada', username: 'ada'}]);
	await sdk.closeDispatchers();
});

async function tsc(project: string): Promise<string> {
	const compiler = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
	return new Promise((resolve) => {
		execFile(process.execPath, [compiler, '-p', project], {cwd: project}, (_error, stdout) => {
			resolve(stdout);
		});
	});
}

const goodConsumer = `
import {ChatApiError, ChatClient, ChatRestApi, type ConnectionState, type Message, type SafeText, type UserList, type ConnectOptions, type SendResult} from 'chat-tui';

const client = new ChatClient({url: 'http://localhost:3000', username: 'ada'});
client.on('message', (message: Message) => {
	const text: SafeText = message.content;
	const when: number = message.time;
	console.log(text, when, message.sender?.length);
});
client.on('userCount', (count) => console.log(count + 1));
client.on('userList', (list: UserList) => console.log(list.users.length, list.dropped));
const once: ConnectOptions = {retry: false};
await client.connect(once);
client.on('state', (state: ConnectionState) => console.log(state.status));
const echo: Promise<Message> = client.sendMessage('hi');
const api = new ChatRestApi({baseUrl: 'http://localhost:3000/api'});
try {
	const page = await api.getMessages({limit: 10});
	const total: number = page.total;
	const notice: SendResult = await api.broadcast('maintenance');
	const content: SafeText | undefined = notice.message?.content;
	console.log(total, await echo, content);
} catch (error) {
	if (error instanceof ChatApiError) {
		console.log(error.kind === 'unreachable');
	}
}
`;

const badConsumer = `
import {ChatClient} from 'chat-tui';

const client = new ChatClient({url: 'http://localhost:3000', username: 'ada'});
client.on('message', (message) => { const wrong: number = message.content; console.log(wrong); });
client.on('nonsense', () => undefined);
`;

test('the declarations exist and type a consumer outside the package', async (t) => {
	for (const file of ['sdk.d.ts', 'client/chat-client.d.ts', 'protocol/rest-client.d.ts']) {
		await t.notThrowsAsync(access(path.join(root, 'dist', file)), `dist/${file}`);
	}

	const project = await mkdtemp(path.join(os.tmpdir(), 'chat-tui-consumer-'));
	t.teardown(async () => rm(project, {recursive: true, force: true}));
	await mkdir(path.join(project, 'node_modules'));
	await symlink(root, path.join(project, 'node_modules', 'chat-tui'), 'dir');
	await writeFile(
		path.join(project, 'package.json'),
		JSON.stringify({name: 'consumer', type: 'module'}),
	);
	await writeFile(
		path.join(project, 'tsconfig.json'),
		JSON.stringify({
			compilerOptions: {
				target: 'ES2022',
				module: 'NodeNext',
				moduleResolution: 'NodeNext',
				strict: true,
				noEmit: true,
				skipLibCheck: true,
				types: [],
			},
			files: ['good.ts', 'bad.ts'],
		}),
	);
	await writeFile(path.join(project, 'good.ts'), goodConsumer);
	await writeFile(path.join(project, 'bad.ts'), badConsumer);
	const output = await tsc(project);
	const errors = output
		.split('\n')
		.filter((line) => line.includes('error TS'))
		.map((line) => line.replace(/: error (TS\d+).*/, ' $1'));
	t.deepEqual(errors, ['bad.ts(5,43) TS2322', 'bad.ts(6,11) TS2345']);
});

test('connect({retry: false}) fails once, closes the client, and a script exits', async (t) => {
	const port = await new Promise<number>((resolve) => {
		const server = net.createServer();
		server.listen(0, '127.0.0.1', () => {
			const {port} = server.address() as net.AddressInfo;
			server.close(() => {
				resolve(port);
			});
		});
	});
	const script = `
		import {ChatClient} from 'chat-tui';
		const client = new ChatClient({url: 'http://127.0.0.1:${port}', username: 'ada'});
		try {
			await client.connect({retry: false});
		} catch (error) {
			console.log(error.name + ': ' + error.message + ' / ' + client.state.status);
		}
	`;
	const started = Date.now();
	const {stdout} = await promisify(execFile)(
		process.execPath,
		['--input-type=module', '-e', script],
		{cwd: root, timeout: 30_000},
	);
	t.is(
		stdout.trim(),
		`ChatConnectError: cannot connect to http://127.0.0.1:${port}: cannot reach the server / offline`,
	);
	t.true(Date.now() - started < 30_000, 'the process ended on its own');
});
