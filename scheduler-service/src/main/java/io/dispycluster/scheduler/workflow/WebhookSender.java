package io.dispycluster.scheduler.workflow;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Posts webhook bodies. Host names are resolved once, by the {@link WebhookGuard}, and
 * the connection goes to the addresses it checked; redirects are not followed (a redirect
 * could lead anywhere). A call ends at its deadline whatever it is doing, looking its
 * host up included.
 */
@Component
class WebhookSender implements DisposableBean {

	private final CloseableHttpClient client;

	private final Duration longest;

	// Aborts a call at its deadline: the client's timeouts bound each connection attempt
	// and each read, not the whole call (several addresses, an answer trickling in).
	private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "webhook-deadline");
		thread.setDaemon(true);
		return thread;
	});

	// The host lookups, made beside the calls: a lookup cannot be interrupted, and
	// aborting the request does not end it, so a call waits for its lookup only until its
	// deadline. A lookup that hangs holds one of these threads until the resolver gives
	// up; the calls to the same host meanwhile share it instead of taking the others.
	private final ExecutorService lookups;

	private final Map<String, CompletableFuture<InetAddress[]>> lookupsUnderWay = new ConcurrentHashMap<>();

	// The call this thread is making (the client resolves on the caller's thread).
	private final ThreadLocal<Call> calls = new ThreadLocal<>();

	@Autowired
	WebhookSender(WorkflowProperties properties, ObjectProvider<HostLookup> lookup) {
		this(properties, lookup.getIfAvailable(() -> HostLookup.SYSTEM));
	}

	WebhookSender(WorkflowProperties properties, HostLookup lookup) {
		this.longest = properties.webhookTimeout();
		WebhookGuard guard = new WebhookGuard(properties.webhookAllowed(), lookup);
		AtomicInteger count = new AtomicInteger();
		this.lookups = Executors.newFixedThreadPool(properties.webhookConcurrency(), (task) -> {
			Thread thread = new Thread(task, "webhook-lookup-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		Timeout timeout = Timeout.of(properties.webhookTimeout());
		DnsResolver checked = new DnsResolver() {
			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				return lookUpBeforeTheDeadline(guard, host);
			}

			@Override
			public String resolveCanonicalHostname(String host) {
				return host;
			}
		};
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(checked)
				.setMaxConnTotal(properties.webhookConcurrency())
				.setMaxConnPerRoute(properties.webhookConcurrency())
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.setUserAgent("DispyCluster-Scheduler/1.0")
			.build();
	}

	/**
	 * Posts a JSON body.
	 * @param timeout the step's timeout: the whole call (host lookup, connection,
	 * sending, answer) takes that long at most, and never longer than the configured
	 * webhook timeout
	 * @return the HTTP status of the answer
	 * @throws IOException if the host is refused, unreachable or too slow
	 */
	int post(String url, byte[] json, Duration timeout) throws IOException {
		Duration limit = (timeout.compareTo(this.longest) < 0) ? timeout : this.longest;
		Timeout wait = Timeout.of(limit);
		HttpPost post = new HttpPost(url);
		@SuppressWarnings("deprecation") // still the per-request connect timeout in 5.x
		RequestConfig config = RequestConfig.custom()
			.setConnectionRequestTimeout(wait)
			.setConnectTimeout(wait)
			.setResponseTimeout(wait)
			.build();
		post.setConfig(config);
		post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
		Call call = new Call(System.nanoTime() + limit.toNanos());
		this.calls.set(call);
		ScheduledFuture<?> abort = this.deadlines.schedule(post::cancel, limit.toMillis(), TimeUnit.MILLISECONDS);
		try {
			return this.client.execute(post, (response) -> {
				EntityUtils.consume(response.getEntity());
				return response.getCode();
			});
		}
		catch (IOException ex) {
			String late = "pas de réponse en " + limit.toSeconds() + " s";
			if (call.unresolved != null) {
				throw new SocketTimeoutException(
						late + " : la résolution DNS de " + call.unresolved + " n'a pas abouti à temps");
			}
			if (post.isCancelled() || ex instanceof SocketTimeoutException) {
				throw new SocketTimeoutException(late);
			}
			throw ex;
		}
		finally {
			abort.cancel(false);
			this.calls.remove();
		}
	}

	private InetAddress[] lookUpBeforeTheDeadline(WebhookGuard guard, String host) throws UnknownHostException {
		Call call = this.calls.get();
		long deadline = (call != null) ? call.deadline : System.nanoTime() + this.longest.toNanos();
		CompletableFuture<InetAddress[]> lookup;
		try {
			lookup = this.lookupsUnderWay.computeIfAbsent(host.toLowerCase(Locale.ROOT), (name) -> lookUp(guard, name));
		}
		catch (RejectedExecutionException ex) {
			throw new UnknownHostException(host + " : le service s'arrête");
		}
		try {
			return lookup.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			if (call != null) {
				call.unresolved = host;
			}
			throw new UnknownHostException(host + " : pas d'adresse avant la fin du délai");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof UnknownHostException unknown) {
				throw unknown;
			}
			throw new UnknownHostException(host + " : " + ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UnknownHostException(host + " : interrompu");
		}
	}

	private CompletableFuture<InetAddress[]> lookUp(WebhookGuard guard, String host) {
		CompletableFuture<InetAddress[]> lookup = new CompletableFuture<>();
		this.lookups.execute(() -> {
			try {
				lookup.complete(guard.resolve(host));
			}
			catch (Throwable ex) {
				lookup.completeExceptionally(ex);
			}
			finally {
				this.lookupsUnderWay.remove(host, lookup);
			}
		});
		return lookup;
	}

	@Override
	public void destroy() throws IOException {
		this.deadlines.shutdownNow();
		this.lookups.shutdownNow();
		this.client.close();
	}

	/** A call under way: when it must end, and the host it could not resolve in time. */
	private static final class Call {

		private final long deadline;

		private volatile @Nullable String unresolved;

		Call(long deadline) {
			this.deadline = deadline;
		}

	}

}
