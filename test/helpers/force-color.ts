import {createRequire} from 'node:module';
import {pathToFileURL} from 'node:url';

/*
Ink styles text with chalk's default instance, which AVA's worker loads, colours off (its stdout
is a pipe), before any test file runs, so FORCE_COLOR comes too late. Setting that instance's
level makes styles such as the input line's inverse cursor show in frames as escape sequences.
chalk is resolved from Ink's own location: it is Ink's dependency, and the instance Ink uses.
*/
type ChalkInstance = {level: number};
const fromInk = createRequire(import.meta.resolve('ink'));
const chalkUrl = pathToFileURL(fromInk.resolve('chalk')).href;
const {default: chalk} = (await import(chalkUrl)) as {default: ChalkInstance};

/** Turn Ink's colours on (16 colours); call the returned function to restore the level. */
export function forceColor(): () => void {
	const {level} = chalk;
	chalk.level = 1;
	return () => {
		chalk.level = level;
	};
}
