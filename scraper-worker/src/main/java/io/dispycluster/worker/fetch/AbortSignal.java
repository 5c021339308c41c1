package io.dispycluster.worker.fetch;

/**
 * Lets whoever drives a fetch abort it from another thread, so a cancelled crawl stops at
 * once instead of waiting for a slow server.
 */
public interface AbortSignal {

	/** A signal that never fires. */
	AbortSignal NONE = (abort) -> () -> {
	};

	/**
	 * Arranges for {@code abort} to run when the signal fires, or at once if it has
	 * already fired.
	 * @param abort what stops the work in progress
	 * @return a handle that forgets {@code abort} once the work is over
	 */
	Registration onAbort(Runnable abort);

	/** Forgets an abort action whose work is over. */
	interface Registration extends AutoCloseable {

		@Override
		void close();

	}

}
