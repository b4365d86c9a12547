/** Lua scripts on an ioredis connection, sent once and then called by their hash. */
import type {Redis} from 'ioredis';

export type Script = (keys: string[], args: string[]) => Promise<unknown>;

export function defineScripts<Name extends string>(
	redis: Redis,
	scripts: Record<Name, string>,
): Record<Name, Script> {
	const commands = redis as unknown as Record<Name, (...args: unknown[]) => Promise<unknown>>;
	const entries = (Object.entries(scripts) as Array<[Name, string]>).map(([name, lua]) => {
		// Without numberOfKeys, ioredis takes the number of keys as the first argument of each call.
		redis.defineCommand(name, {lua});
		const script: Script = async (keys, args) =>
			commands[name].call(redis, keys.length, ...keys, ...args);
		return [name, script] as const;
	});
	return Object.fromEntries(entries) as Record<Name, Script>;
}
