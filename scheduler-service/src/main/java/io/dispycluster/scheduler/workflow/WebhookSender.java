package io.dispycluster.scheduler.workflow;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

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
	 * @param timeout the step's timeout: the answer is awaited that long at most, and
	 * never longer than the configured webhook timeout
	 * @return the HTTP status of the answer
	 * @throws IOException if the host is refused, unreachable or too slow
	 */
	int post(String url, byte[] json, Duration timeout) throws IOException {
		HttpPost post = new HttpPost(url);
		Timeout wait = Timeout.of((timeout.compareTo(this.longest) < 0) ? timeout : this.longest);
		post.setConfig(RequestConfig.custom().setResponseTimeout(wait).build());
		post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
		return this.client.execute(post, (response) -> {
			EntityUtils.consume(response.getEntity());
			return response.getCode();
		});
	}

	@Override
	public void destroy() throws IOException {
		this.client.close();
	}

}
