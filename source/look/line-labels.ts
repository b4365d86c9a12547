import {type Lang, fill} from './i18n.js';

/*
What line mode (`--plain`) says on stderr, in English and Chinese: connection news and why lines
were not sent. Kept apart from the screen's labels (i18n.ts) as the help's Chinese is. The reasons
the socket client gives (protocol/connect-error.ts) are English phrases; `reasonIn` says the known
ones in Chinese, piece by piece ("cannot reach the server: connection refused").
*/

const en = {
	connecting: 'connecting',
	connected: 'connected to {url}',
	connectionLost: 'connection lost ({reason}); reconnecting',
	cannotConnect: 'cannot connect to {url} ({reason}); retrying',
	missedMore: 'more messages may have been missed than were loaded',
	oneNotConfirmed: 'the line was not confirmed by {server} ({why})',
	someNotConfirmed: '{n} of {total} lines were not confirmed by {server} ({why})',
	noEcho: 'no echo in time',
	notConnected: 'not connected: {reason}',
	neverConnected: 'never connected to {url} ({reason})',
};

export type LineLabels = {readonly [Key in keyof typeof en]: string};

const zh: LineLabels = {
	connecting: '正在连接',
	connected: '已连接到 {url}',
	connectionLost: '连接已断开（{reason}），正在重连',
	cannotConnect: '无法连接到 {url}（{reason}），正在重试',
	missedMore: '错过的消息可能比已加载的更多',
	oneNotConfirmed: '这一行未得到 {server} 的确认（{why}）',
	someNotConfirmed: '{total} 行中有 {n} 行未得到 {server} 的确认（{why}）',
	noEcho: '未及时收到回显',
	notConnected: '未连接：{reason}',
	neverConnected: '始终未能连接到 {url}（{reason}）',
};

export const lineLabelsFor = (lang: Lang): LineLabels => (lang === 'zh' ? zh : en);

/** The socket client's reasons (connect-error.ts) in Chinese. */
const reasonsZh: Record<string, string> = {
	'cannot reach the server': '无法连通服务器',
	'connection refused (is the server running?)': '连接被拒绝（服务器在运行吗？）',
	'the connection was reset': '连接被重置',
	'no such host': '没有这个主机',
	'the host name could not be looked up': '无法解析主机名',
	'the connection timed out': '连接超时',
	'the host is unreachable': '主机不可达',
	'the network is unreachable': '网络不可达',
	'its TLS certificate has expired': '其 TLS 证书已过期',
	'its TLS certificate is self-signed (--insecure to accept it)':
		'其 TLS 证书是自签名的（用 --insecure 接受）',
	'its TLS certificate is not trusted (see NODE_EXTRA_CA_CERTS)':
		'其 TLS 证书不受信任（见 NODE_EXTRA_CA_CERTS）',
	'its TLS certificate is for another host name': '其 TLS 证书属于另一个主机名',
	'the server did not answer in time': '服务器未及时应答',
	'the connection closed': '连接已关闭',
	'the connection failed': '连接失败',
	'the server stopped answering': '服务器不再应答',
	'the server closed the connection': '服务器关闭了连接',
	'the server sent something unreadable': '服务器发来了无法读取的内容',
	'reconnect requested': '已请求重连',
	closed: '已关闭',
	connecting: '正在连接',
};

const httpAnswer = /^the server answered HTTP (\d+) \(is it a chat server\?\)$/;

/** A reason from the socket client in `lang`: its known pieces translated, the rest as it is. */
export function reasonIn(reason: string, lang: Lang): string {
	if (lang === 'en') {
		return reason;
	}

	return reason
		.split(': ')
		.map((part) => {
			const status = httpAnswer.exec(part)?.[1];
			return status === undefined
				? (reasonsZh[part] ?? part)
				: `服务器以 HTTP ${status} 应答（它是聊天服务器吗？）`;
		})
		.join('：');
}

/** A line-mode label in `lang` with its placeholders filled in. */
export const lineText = (
	lang: Lang,
	name: keyof LineLabels,
	values: Record<string, string | number> = {},
): string => fill(lineLabelsFor(lang)[name], values);
