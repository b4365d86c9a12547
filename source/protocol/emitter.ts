/** A small typed event emitter: `on` returns the function that removes the listener. */
export class Emitter<Events extends Record<string, (...arguments_: any[]) => void>> {
	private readonly listeners = new Map<keyof Events, Set<Events[keyof Events]>>();

	on<Name extends keyof Events>(name: Name, listener: Events[Name]): () => void {
		let set = this.listeners.get(name);
		if (!set) {
			set = new Set();
			this.listeners.set(name, set);
		}

		set.add(listener);
		return () => {
			set.delete(listener);
		};
	}

	protected emit<Name extends keyof Events>(
		name: Name,
		...arguments_: Parameters<Events[Name]>
	): void {
		for (const listener of this.listeners.get(name) ?? []) {
			listener(...arguments_);
		}
	}

	protected removeAllListeners(): void {
		this.listeners.clear();
	}
}
