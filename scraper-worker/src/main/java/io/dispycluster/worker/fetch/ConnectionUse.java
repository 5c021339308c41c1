package io.dispycluster.worker.fetch;

import java.net.InetSocketAddress;
import java.net.Proxy;

import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * What one call did with connections, carried as its request's tag and filled in by
 * {@link #LISTENER}. It tells apart the one failure worth sending a request again for at
 * once: a connection taken from the pool that broke before any response came back. The
 * server had closed it while it sat idle, so the request never reached the server.
 */
final class ConnectionUse {

	/** Records, on the request's tag, the connection events of every call. */
	static final EventListener LISTENER = new EventListener() {

		@Override
		public void connectionAcquired(Call call, Connection connection) {
			ConnectionUse use = of(call);
			if (use != null) {
				use.acquired = true;
			}
		}

		@Override
		public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
			ConnectionUse use = of(call);
			if (use != null) {
				use.opened = true;
			}
		}

		@Override
		public void responseHeadersEnd(Call call, Response response) {
			ConnectionUse use = of(call);
			if (use != null) {
				use.answered = true;
			}
		}

	};

	private volatile boolean acquired;

	private volatile boolean opened;

	private volatile boolean answered;

	/** Whether the call failed on a pooled connection before any response. */
	boolean brokePooledConnection() {
		return this.acquired && !this.opened && !this.answered;
	}

	private static @Nullable ConnectionUse of(Call call) {
		return call.request().tag(ConnectionUse.class);
	}

}
