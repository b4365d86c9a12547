import test from 'ava';
import {
	chooseReply,
	containsWord,
	mentions,
	parseRules,
	ReplyLimiter,
} from '../../source/subcommands/bot-rules.js';
import {UsageError} from '../../source/cli/options.js';

test('a mention is the name as a word, any case, with or without @', (t) => {
	t.true(mentions('hi @chatbot!', 'chatbot'));
	t.true(mentions('ChatBot, are you there?', 'chatbot'));
	t.true(mentions('chatbot', 'chatbot'));
	t.false(mentions('chatbots are cool', 'chatbot'));
	t.false(mentions('mychatbot', 'chatbot'));
	t.true(mentions('你好聊天机器人，在吗', '聊天机器人'), 'Chinese needs no spaces');
	t.true(mentions('@聊天机器人 hi', '聊天机器人'));
	t.false(mentions('聊天', '聊天机器人'));
	t.true(mentions('ask a.b+c now', 'a.b+c'), 'a name is not a pattern');
	t.false(mentions('ask axb+c now', 'a.b+c'));
});

test('an e-mail address is not a mention; in Chinese 机器人 anywhere is one', (t) => {
	t.false(mentions('write to chatbot@example.com', 'chatbot'));
	t.false(mentions('write to me@chatbot.example', 'chatbot'));
	t.true(mentions('chatbot@example.com is @chatbot', 'chatbot'), 'a real mention beside it counts');
	t.true(mentions('@chatbot: hi', 'chatbot'));
	t.true(mentions('你好机器人', '聊天机器人', 'zh'), "the guide's trigger word");
	t.false(mentions('你好机器人', '聊天机器人', 'en'));
	t.false(mentions('你好', '聊天机器人', 'zh'));
});

test('keywords match as words too', (t) => {
	t.true(containsWord('is this the help desk', 'help'));
	t.false(containsWord('helpful', 'help'));
	t.true(containsWord('天气怎么样', '天气'));
});

test('rules file: keyword => reply lines, # comments, errors name the line', (t) => {
	const rules = parseRules(
		'# greetings\n\nhello => Hi there! => twice\n  * => dunno  \r\n',
		'r.txt',
	);
	t.deepEqual(rules, [
		{keyword: 'hello', reply: 'Hi there! => twice'},
		{keyword: '*', reply: 'dunno'},
	]);
	const error = t.throws(() => parseRules('ok => fine\nno arrow here\n', 'r.txt'), {
		instanceOf: UsageError,
	});
	t.is(error.message, 'r.txt: line 2 is not "keyword => reply": "no arrow here"');
	t.throws(() => parseRules(' => empty keyword', 'r.txt'), {message: /line 1/});
	t.throws(() => parseRules('# only a comment\n', 'r.txt'), {message: /no rules/});
});

test('the first matching rule replies, * matches anything, else a canned response', (t) => {
	const rules = parseRules('ping => pong\nweather => sunny\n', 'r');
	t.is(chooseReply('@bot ping please', rules, ['canned']), 'pong');
	t.is(chooseReply('@bot weather and ping', rules, ['canned']), 'pong', 'file order wins');
	t.is(
		chooseReply('@bot what', rules, ['a', 'b'], () => 0.99),
		'b',
	);
	t.is(chooseReply('@bot what', [...rules, {keyword: '*', reply: 'any'}], ['a']), 'any');
});

test('the limiter mutes a sender that asks too often until it has been quiet a whole window', (t) => {
	const limiter = new ReplyLimiter({perSender: 2, overall: 100, windowMs: 1000});
	t.true(limiter.allow('loop', 0));
	t.true(limiter.allow('loop', 10));
	t.false(limiter.allow('loop', 20), 'over its share');
	t.true(limiter.allow('other', 30), 'others are still answered');
	t.false(limiter.allow('loop', 1015), 'its old replies left the window, but it is muted');
	t.false(limiter.allow('loop', 2000), 'asking while muted extends the mute');
	t.true(limiter.allow('loop', 3001), 'quiet for a whole window');
});

test('the limiter caps the replies to everyone', (t) => {
	const limiter = new ReplyLimiter({perSender: 5, overall: 3, windowMs: 1000});
	t.true(limiter.allow('a', 0));
	t.true(limiter.allow('b', 0));
	t.true(limiter.allow('c', 0));
	t.false(limiter.allow('d', 500));
	t.true(limiter.allow('d', 1000));
});
