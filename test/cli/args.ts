import test from 'ava';
import {parseArguments} from '../../source/cli/args.js';
import {UsageError} from '../../source/cli/options.js';

const spec = {
	server: {type: 'string'},
	userId: {type: 'string'},
	ascii: {type: 'boolean'},
	plain: {type: 'boolean', default: false},
} as const;

test('flags as --flag value, --flag=value and camelCase; words in order', (t) => {
	const {flags, input} = parseArguments(
		['send', '--server', 'http://x', 'hello', '--user-id=u1', 'world'],
		spec,
	);
	t.deepEqual(flags, {server: 'http://x', userId: 'u1', ascii: undefined, plain: false});
	t.deepEqual(input, ['send', 'hello', 'world']);
	t.is(parseArguments(['--userId', 'u2'], spec).flags.userId, 'u2');
});

test('booleans: --flag, --no-flag, and absent as the default or undefined', (t) => {
	t.deepEqual(parseArguments(['--plain', '--no-ascii'], spec).flags, {
		server: undefined,
		userId: undefined,
		ascii: false,
		plain: true,
	});
	t.is(parseArguments(['--ascii'], spec).flags.ascii, true);
	t.is(parseArguments([], spec).flags.ascii, undefined);
});

test('-- ends the flags; a lone dash and negative-looking words are words', (t) => {
	const {flags, input} = parseArguments(['send', '--', '--plain', '-x'], spec);
	t.false(flags.plain);
	t.deepEqual(input, ['send', '--plain', '-x']);
	t.deepEqual(parseArguments(['-', '-5'], spec).input, ['-', '-5']);
	t.is(parseArguments(['--server', '-odd'], spec).flags.server, '-odd');
});

test('--help and --version are noted, wherever they are', (t) => {
	const parsed = parseArguments(['send', 'hi', '--help'], spec);
	t.true(parsed.help);
	t.false(parsed.version);
	t.true(parseArguments(['--version'], spec).version);
	t.true(parseArguments(['serve', '-h'], spec).help);
	t.true(parseArguments(['-v'], spec).version);
	t.deepEqual(parseArguments(['send', '-h'], spec).input, ['send']);
});

test('mistakes are usage errors that name the flag', (t) => {
	t.throws(() => parseArguments(['--colour'], spec), {
		instanceOf: UsageError,
		message: 'unknown flag --colour (see chat-tui --help)',
	});
	t.throws(() => parseArguments(['--server'], spec), {message: '--server needs a value'});
	t.throws(() => parseArguments(['--server', '--plain'], spec), {
		message: '--server needs a value',
	});
	t.throws(() => parseArguments(['--plain=yes'], spec), {message: '--plain takes no value'});
	t.throws(() => parseArguments(['--no-server'], spec), {
		message: 'unknown flag --no-server (see chat-tui --help)',
	});
	t.throws(() => parseArguments(['send', '-x', 'hi'], spec), {
		instanceOf: UsageError,
		message: 'unknown flag -x (see chat-tui --help)',
	});
});

test('a flag given again: the last one counts (an alias with --server, then --server)', (t) => {
	const {flags} = parseArguments(
		['--server', 'http://a', '--plain', '--server=http://b', '--no-plain', '--ascii'],
		spec,
	);
	t.is(flags.server, 'http://b');
	t.false(flags.plain);
	t.true(flags.ascii);
});
