import type {CommandName, CommandText, FlagName} from './flags.js';

/*
The command line's help in Chinese: the same rows as the English tables in flags.ts and help.ts,
keyed the same way, so that a flag or a command cannot be added without its Chinese (the types say
every key is here). Flag names, command names, values typed as they are (dark, en), URLs,
environment variables and key names stay as they are written.
*/

export const headingsZh = {
	usage: '用法',
	options: '选项',
	examples: '示例',
	help: '显示本帮助',
	version: '显示版本号',
	description: '聊天服务的全屏终端客户端',
} as const;

export const flagHelpZh: Record<FlagName, readonly [string, string]> = {
	server: ['--server 地址', '聊天服务器（默认 http://localhost:3000，https:// 为加密连接）'],
	api: ['--api 地址', 'REST 接口地址（默认 <服务器>/api）'],
	name: ['--name 名字', '你的名字（缺少时会询问）'],
	userId: ['--user-id 标识', '你的用户标识（默认保存在配置文件中）'],
	lang: ['--lang en|zh', '界面语言（默认取自 LANG）'],
	theme: ['--theme 主题', 'dark（默认）、light 或 auto（取自 COLORFGBG）'],
	ascii: ['--ascii', '用 ASCII 字符画边框和标记（--no-ascii 则总用 Unicode）'],
	links: ['--no-links', '网址显示为纯文本，不用终端超链接（--links 则总是开启）'],
	insecure: ['--insecure', '接受任何 TLS 证书（会显示警告）'],
	host: ['--host 主机', '绑定的地址（默认 127.0.0.1）'],
	port: ['--port 端口', '端口（默认 3000，0 表示任一空闲端口）'],
	data: ['--data 文件', '把消息保存在 JSON 行文件中，重启后仍在'],
	cert: ['--cert 文件', 'TLS 证书（PEM）；与 --key 一起时提供 HTTPS 和 WSS'],
	key: ['--key 文件', 'TLS 私钥（PEM）'],
	rateLimit: ['--rate-limit 速率', '每个连接每若干秒最多发多少条消息，写作 条数/秒（默认 20/5）'],
	redis: ['--redis 地址', '与其他 serve 进程共享历史和在线状态（或用 CHAT_TUI_REDIS）'],
	plain: ['--plain', '行模式，在终端上也用'],
	listen: ['--listen', '从不读标准输入的行模式（用于记录日志）'],
	json: ['--json', 'JSON 格式，每行一个值'],
	demo: ['--demo', '演示：本地服务器、一些历史消息、一个机器人和聊天界面'],
	limit: ['--limit 条数', '消息条数（默认 50）'],
	offset: ['--offset 条数', '跳过最新的多少条（默认 0）'],
	rules: ['--rules 文件', '回复规则：每行一条“关键词 => 回复”，“*”匹配任何消息；# 开头为注释'],
	maxLength: ['--max-length 字数', '发送的最长一行，按字符计（默认 2000）'],
};

export const commandTextZh: Record<CommandName, CommandText> = {
	chat: {
		summary: '聊天：在终端上为全屏界面，否则为行模式。',
		usage: ['chat-tui [选项]', 'chat-tui --plain [选项]', 'chat-tui --demo'],
		examples: ['chat-tui --server http://localhost:3000 --name 张伟', 'chat-tui --demo'],
	},
	serve: {
		summary: '运行参考聊天服务器，直到按下 Ctrl-C。',
		usage: ['chat-tui serve [选项]'],
		examples: ['chat-tui serve --port 3000 --data chat.jsonl', 'chat-tui serve --lang zh'],
		meaning: {lang: '加入、离开和改名通知的语言（默认 en）'},
	},
	send: {
		summary: '通过 REST 发送一条消息后退出（用 --name 的名字，否则用记住的名字）。',
		usage: ['chat-tui send <文本> [选项]'],
		examples: ['chat-tui send --name 构建机 "构建通过"'],
	},
	broadcast: {
		summary: '向所有人发送一条系统通知后退出。',
		usage: ['chat-tui broadcast <文本> [选项]'],
		examples: ['chat-tui broadcast "18:00 开始维护"'],
	},
	history: {
		summary: '打印最新的消息（从旧到新）后退出。',
		usage: ['chat-tui history [选项]'],
		examples: [
			'chat-tui history --limit 10',
			`chat-tui history --json | jq -r '"\\(.sender // "-!-"): \\(.content)"'`,
		],
	},
	users: {
		summary: '打印在线用户后退出。',
		usage: ['chat-tui users [选项]'],
		examples: ['chat-tui users --json | jq .count'],
	},
	bot: {
		summary: '运行机器人：有人加入时问候，回复提到它的消息，按 Ctrl-C 时道别。',
		usage: ['chat-tui bot [选项]'],
		examples: ['chat-tui bot --name 小助手 --rules rules.txt', 'chat-tui bot --lang zh'],
	},
	config: {
		summary: '打印配置文件和每项生效的设置及其来源。',
		usage: ['chat-tui config [选项]'],
		examples: ['chat-tui config', 'chat-tui config --json'],
	},
};

/** `chat-tui --help` in Chinese: every command, flag, setting and environment variable. */
export const helpTextZh = `
	用法
	  $ chat-tui [选项]                 打开全屏聊天
	  $ chat-tui --demo                 试一试：本地服务器、一些历史消息、一个机器人和聊天界面
	  $ chat-tui --plain [选项]         行模式（标准输入或输出不是终端时也用它）
	  $ chat-tui send <文本>            发送一条消息（REST）后退出
	  $ chat-tui broadcast <文本>       向所有人发送一条系统通知后退出
	  $ chat-tui history [--limit 条数] [--offset 条数] [--json]
	  $ chat-tui users [--json]         谁在线
	  $ chat-tui bot [--name 名字] [--rules 文件]
	  $ chat-tui serve [选项]           运行参考聊天服务器
	  $ chat-tui config [--json]        配置文件和每项生效的设置及其来源

	聊天选项
	  --server 地址    聊天服务器（默认 http://localhost:3000，https:// 为加密连接）
	  --api 地址       REST 接口地址（默认 <服务器>/api）
	  --name 名字      你的名字（缺少时会询问）
	  --user-id 标识   你的用户标识（默认保存在配置文件中）
	  --lang en|zh     界面语言（默认取自 LANG）
	  --theme 主题     dark（默认）、light（浅色背景用）或 auto（取自 COLORFGBG）
	  --ascii          用 ASCII 字符画边框和标记（区域设置不是 UTF-8 时默认如此；
	                   --no-ascii 则总用 Unicode）
	  --insecure       接受任何 TLS 证书（会显示警告）
	  --max-length 字数
	                   发送的最长一行，按字符计（默认 2000，即参考服务器的上限）；
	                   更长的行会被拒绝，不会发出
	  --no-links       网址显示为纯文本，不用终端超链接（TERM 为 dumb 或 linux 时默认
	                   如此；--links 则总是开启）
	  --demo           运行演示（--name、--lang、--theme 和 --ascii 仍然有效）

	设置
	  命令行选项优先于环境变量，环境变量优先于配置文件
	  （$XDG_CONFIG_HOME/chat-tui/config.json，否则 ~/.config/chat-tui/config.json）：
	  {"server": 地址, "name": 名字, "theme": "dark|light|auto", "bell": true|false,
	   "timeFormat": "HH:MM|HH:MM:SS", "ascii": true|false, "maxLength": 2000,
	   "links": true|false, "notify": true|false, "keys": {"panel.toggle": "ctrl+u"}}
	  CHAT_TUI_SERVER  未给 --server 时用的服务器
	  CHAT_TUI_NAME    未给 --name 时用的名字
	  NO_COLOR         不用颜色（粗体、下划线和反显仍用来标记）
	  FORCE_COLOR      0：不加任何样式；1-3：不是终端时也用颜色

	行模式（--plain）
	  先打印最近 50 条消息，再把新消息逐行打印为“[时:分:秒] 名字: 文本”；从标准输入读到的
	  每一行都会发出，读到输入结束或“/quit”、且服务器确认了每一行后退出（有未确认的行时
	  退出码为 1）。连接状态写到标准错误。
	  --json           每条消息打印为一行 JSON
	  --listen         不读标准输入，一直打印消息直到被中断（用于记录日志）

	命令 send、broadcast、history、users
	  成功时退出码为 0，服务器或网络出错为 1，用法错误为 2。
	  send 用 --name 的名字，否则用聊天界面记住的名字；--user-id 同理。
	  --limit 条数     history：消息条数（默认 50）
	  --offset 条数    history：跳过最新的多少条（默认 0）
	  --json           JSON 格式，每行一个值（history：每行一条消息）

	机器人（chat-tui bot）
	  有人加入时问候，回复提到它名字的消息，按 Ctrl-C 时道别。
	  --name 名字      它的名字（默认 chatbot，加 --lang zh 时为“聊天机器人”）
	  --rules 文件     回复规则：每行一条“关键词 => 回复”，“*”匹配任何消息；# 开头为注释

	服务器选项（chat-tui serve）
	  --host 主机      绑定的地址（默认 127.0.0.1）
	  --port 端口      端口（默认 3000，0 表示任一空闲端口）
	  --data 文件      把消息保存在 JSON 行文件中，重启后仍在
	  --redis 地址     与同一 Redis 上的每个 serve 进程共享历史和在线状态
	                   （例如 redis://127.0.0.1:6379；默认取自 $CHAT_TUI_REDIS）
	  --cert 文件      TLS 证书（PEM）；与 --key 一起时提供 HTTPS 和 WSS
	  --key 文件       TLS 私钥（PEM）
	  --rate-limit 速率 每个连接每若干秒最多发多少条消息，写作 条数/秒（默认 20/5）
	  --lang en|zh     加入、离开和改名通知的语言（默认 en）

	其他
	  -h, --help       显示本帮助；chat-tui <命令> --help 显示该命令自己的帮助
	  -v, --version    显示版本号

	聊天中的按键：Enter 发送，PgUp/PgDn 滚动，Ctrl-T 显示或隐藏用户列表，
	Ctrl-L 重绘，Ctrl-C 或 /quit 退出。/help 列出所有命令和按键。

	示例
	  $ chat-tui --demo
	  $ chat-tui serve --port 3000 --data chat.jsonl
	  $ chat-tui --server http://localhost:3000 --name 张伟
	  $ chat-tui --plain --name 记录员 --listen > chat.log
	  $ chat-tui history --limit 10 --json | jq -r '"\\(.sender // "-!-"): \\(.content)"'
`;
