import {ChatApiError} from '../protocol/errors.js';
import {sanitizeText} from '../protocol/sanitize.js';
import type {SafeText} from '../protocol/types.js';

/** An error as one line fit for the log and the status bar. */
export const describeError = (error: unknown): SafeText =>
	sanitizeText(
		error instanceof ChatApiError ? error.message : String((error as Error)?.message ?? error),
	);
