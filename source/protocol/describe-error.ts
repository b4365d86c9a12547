import {ChatApiError} from './errors.js';
import {sanitizeText} from './sanitize.js';
import type {SafeText} from './types.js';

/** An error as one line fit for the log and the status bar. */
export const describeError = (error: unknown): SafeText =>
	sanitizeText(
		error instanceof ChatApiError ? error.message : String((error as Error)?.message ?? error),
	);
