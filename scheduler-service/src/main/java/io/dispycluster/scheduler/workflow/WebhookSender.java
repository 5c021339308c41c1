package io.dispycluster.scheduler.workflow;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

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

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Posts webhook bodies. Host names are resolved once, by the {@link WebhookGuard}, and
 * the connection goes to the addresses it checked; redirects are not followed (a redirect
 * could lead anywhere).
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

	WebhookSender(WorkflowProperties properties) {
		this.longest = properties.webhookTimeout();
		WebhookGuard guard = new WebhookGuard(properties.webhookAllowed());
		Timeout timeout = Timeout.of(properties.webhookTimeout());
		DnsResolver checked = new DnsResolver() {
			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				return guard.resolve(host);
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
	 * @param timeout the step's timeout: the whole call (connection, sending, answer)
	 * takes that long at most, and never longer than the configured webhook timeout
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
		ScheduledFuture<?> abort = this.deadlines.schedule(post::cancel, limit.toMillis(), TimeUnit.MILLISECONDS);
		try {
			return this.client.execute(post, (response) -> {
				EntityUtils.consume(response.getEntity());
				return response.getCode();
			});
		}
		catch (IOException ex) {
			if (post.isCancelled() || ex instanceof SocketTimeoutException) {
				throw new SocketTimeoutException("pas de réponse en " + limit.toSeconds() + " s");
			}
			throw ex;
		}
		finally {
			abort.cancel(false);
		}
	}

	@Override
	public void destroy() throws IOException {
		this.deadlines.shutdownNow();
		this.client.close();
	}

}
