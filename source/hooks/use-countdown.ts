import {useEffect, useState} from 'react';

/** Seconds left until `at`, updated every second while there is a countdown. */
export function useCountdown(at: number | undefined): number | undefined {
	const [now, setNow] = useState(Date.now);
	useEffect(() => {
		if (at === undefined) {
			return;
		}

		setNow(Date.now());
		const timer = setInterval(() => {
			setNow(Date.now());
		}, 1000);
		return () => {
			clearInterval(timer);
		};
	}, [at]);
	return at === undefined ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}
