import test from 'ava';
import {UsageError} from '../../source/cli/options.js';
import {resolveSettings, type SettingFlags} from '../../source/config/settings.js';
import type {Config} from '../../source/config/values.js';

const utf8 = {LANG: 'en_US.UTF-8'};
const resolve = (flags: SettingFlags, env: NodeJS.ProcessEnv, config: Config = {}) =>
	resolveSettings({flags, env: {...utf8, ...env}, config});

test('server: flag over CHAT_TUI_SERVER over config over the default', (t) => {
	const config = {server: 'http://config:1'};
	const env = {CHAT_TUI_SERVER: 'http://env:1'};
	t.deepEqual(resolve({server: 'http://flag:1'}, env, config).server, {
		value: 'http://flag:1',
		source: 'flag',
	});
	t.deepEqual(resolve({}, env, config).server, {value: 'http://env:1', source: 'env'});
	t.deepEqual(resolve({}, {}, config).server, {value: 'http://config:1', source: 'config'});
	t.deepEqual(resolve({}, {}).server, {value: 'http://localhost:3000', source: 'default'});
	t.is(resolve({}, {CHAT_TUI_SERVER: ''}, config).server.source, 'config', 'empty is unset');
});

test('name: flag over CHAT_TUI_NAME over config; none by default', (t) => {
	const config = {name: 'config-name'};
	const env = {CHAT_TUI_NAME: 'env-name'};
	t.deepEqual(resolve({name: 'flag-name'}, env, config).name, {value: 'flag-name', source: 'flag'});
	t.deepEqual(resolve({}, env, config).name, {value: 'env-name', source: 'env'});
	t.deepEqual(resolve({}, {}, config).name, {value: 'config-name', source: 'config'});
	t.deepEqual(resolve({}, {}).name, {value: undefined, source: 'default'});
	t.is(resolve({name: '  '}, env).name.value, 'env-name', 'a blank flag counts as not given');
});

test('userId: flag over config; the environment has none', (t) => {
	t.is(resolve({userId: 'f'}, {}, {userId: 'c'}).userId.value, 'f');
	t.deepEqual(resolve({}, {}, {userId: 'c'}).userId, {value: 'c', source: 'config'});
	t.is(resolve({}, {}).userId.value, undefined);
});

test('theme: --theme over config over dark; auto reads COLORFGBG', (t) => {
	t.deepEqual(resolve({theme: 'light'}, {}, {theme: 'dark'}).theme, {
		value: 'light',
		source: 'flag',
	});
	t.deepEqual(resolve({}, {}, {theme: 'light'}).theme, {value: 'light', source: 'config'});
	t.deepEqual(resolve({}, {}).theme, {value: 'dark', source: 'default'});
	t.is(resolve({theme: 'auto'}, {COLORFGBG: '0;15'}).theme.value, 'light');
	t.is(resolve({theme: 'auto'}, {COLORFGBG: '15;default;0'}).theme.value, 'dark');
	t.deepEqual(resolve({}, {}, {theme: 'auto'}).theme, {
		value: 'dark',
		source: 'config',
		detail: 'auto: COLORFGBG not set, dark',
	});
	t.throws(() => resolve({theme: 'blue'}, {}), {message: /--theme: "blue" is not a theme/});
});

test('colour is off under NO_COLOR with any value but empty', (t) => {
	t.true(resolve({}, {}).color.value);
	t.true(resolve({}, {NO_COLOR: ''}).color.value);
	t.false(resolve({}, {NO_COLOR: '1'}).color.value);
	t.false(resolve({}, {NO_COLOR: '0', FORCE_COLOR: '3'}).color.value, 'NO_COLOR wins');
});

test('ascii: flag over config over the locale', (t) => {
	t.is(resolve({}, {}).ascii.value, false);
	t.is(resolve({}, {LANG: 'C'}).ascii.value, true);
	t.is(resolve({ascii: false}, {LANG: 'C'}).ascii.value, false, '--no-ascii');
	t.is(resolve({ascii: true}, {}).ascii.value, true);
	t.deepEqual(resolve({}, {LANG: 'C'}, {ascii: false}).ascii, {value: false, source: 'config'});
});

test('bell and time format come from the config or the defaults', (t) => {
	t.deepEqual(resolve({}, {}).bell, {value: true, source: 'default'});
	t.deepEqual(resolve({}, {}, {bell: false}).bell, {value: false, source: 'config'});
	t.deepEqual(resolve({}, {}).timeFormat, {value: 'HH:MM', source: 'default'});
	t.is(resolve({}, {}, {timeFormat: 'HH:MM:SS'}).timeFormat.value, 'HH:MM:SS');
});

test('maxLength: --max-length over config over the reference server’s 2000; a bad flag is a usage error', (t) => {
	t.deepEqual(resolve({}, {}).maxLength, {
		value: 2000,
		source: 'default',
		detail: "the reference server's",
	});
	t.deepEqual(resolve({}, {}, {maxLength: 300}).maxLength, {value: 300, source: 'config'});
	t.deepEqual(resolve({maxLength: '140'}, {}, {maxLength: 300}).maxLength, {
		value: 140,
		source: 'flag',
	});
	for (const bad of ['0', '-5', '4001', '1e3', 'lots', '']) {
		const error = t.throws(() => resolve({maxLength: bad}, {}), {instanceOf: UsageError});
		t.is(
			error.message,
			`--max-length: "${bad}" is not a whole number of characters from 1 to 4000`,
		);
	}
});

test('links: --links/--no-links over config over on, but off by default on TERM=dumb and linux', (t) => {
	t.deepEqual(resolve({}, {TERM: 'xterm-256color'}).links, {value: true, source: 'default'});
	t.deepEqual(resolve({}, {TERM: 'dumb'}).links, {
		value: false,
		source: 'default',
		detail: 'TERM=dumb',
	});
	t.is(resolve({}, {TERM: 'linux'}).links.value, false);
	t.deepEqual(resolve({}, {TERM: 'linux'}, {links: true}).links, {value: true, source: 'config'});
	t.deepEqual(resolve({links: false}, {}, {links: true}).links, {value: false, source: 'flag'});
	t.deepEqual(resolve({links: true}, {TERM: 'dumb'}).links, {value: true, source: 'flag'});
});

test('notify: config over on', (t) => {
	t.deepEqual(resolve({}, {}).notify, {value: true, source: 'default'});
	t.deepEqual(resolve({}, {}, {notify: false}).notify, {value: false, source: 'config'});
});
