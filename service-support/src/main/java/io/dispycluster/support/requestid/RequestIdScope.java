package io.dispycluster.support.requestid;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Puts a job's request id (the id of the request that submitted it) in the logging
 * context while a service works on the job outside that request: the controller sending
 * its assignment, requeueing or failing it; a worker reporting its progress. Its lines
 * then carry the same id as its submission. The id it replaced, if any, is put back when
 * the scope closes; a job without a request id changes nothing.
 */
public final class RequestIdScope implements AutoCloseable {

	private final @Nullable String replaced;

	private final boolean changed;

	private RequestIdScope(@Nullable String requestId) {
		this.replaced = MDC.get(RequestIds.MDC_KEY);
		this.changed = requestId != null;
		if (requestId != null) {
			MDC.put(RequestIds.MDC_KEY, requestId);
		}
	}

	/**
	 * Opens a scope; close it in the same thread.
	 * @param requestId the job's request id, or null
	 * @return the scope
	 */
	public static RequestIdScope of(@Nullable String requestId) {
		return new RequestIdScope(requestId);
	}

	@Override
	public void close() {
		if (!this.changed) {
			return;
		}
		if (this.replaced != null) {
			MDC.put(RequestIds.MDC_KEY, this.replaced);
		}
		else {
			MDC.remove(RequestIds.MDC_KEY);
		}
	}

}
