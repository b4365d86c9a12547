import {useEffect, useState} from 'react';

/**
 * Whether `key` changed less than `ms` ago: a status note shows while fresh and fades after. A new
 * key (the same text again counts, when the key says so) starts the time again.
 */
export function useFresh(key: string | undefined, ms: number): boolean {
	const [stale, setStale] = useState<string | undefined>(undefined);
	useEffect(() => {
		if (key === undefined) {
			return;
		}

		const timer = setTimeout(() => {
			setStale(key);
		}, ms);
		return () => {
			clearTimeout(timer);
		};
	}, [key, ms]);
	return key !== undefined && stale !== key;
}
