package io.dispycluster.gateway.security;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dispycluster.gateway.system.ProblemWriter;
import io.dispycluster.gateway.system.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Allows each client {@code requests-per-minute} requests, refilled smoothly (Bucket4j):
 * a client is its API key when it presents a configured one, its address otherwise (so a
 * stream of wrong keys is limited too). Every answer carries the {@code RateLimit-*}
 * headers; beyond the limit the answer is 429 with {@code Retry-After}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RateLimitFilter extends OncePerRequestFilter {

	private static final Logger LOG = LoggerFactory.getLogger(RateLimitFilter.class);

	// forget idle clients beyond this many, so addresses cannot fill the memory
	private static final int MAX_TRACKED_CLIENTS = 10_000;

	private final int perMinute;

	private final ApiKeys keys;

	private final ProblemWriter problems;

	private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	RateLimitFilter(SecurityProperties properties, ApiKeys keys, ProblemWriter problems) {
		this.perMinute = properties.rateLimit().requestsPerMinute();
		this.keys = keys;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.perMinute <= 0) {
			chain.doFilter(request, response);
			return;
		}
		String client = client(request);
		ConsumptionProbe probe = bucket(client).tryConsumeAndReturnRemaining(1);
		response.setHeader("RateLimit-Limit", String.valueOf(this.perMinute));
		response.setHeader("RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
		response.setHeader("RateLimit-Reset", String.valueOf(seconds(probe.getNanosToWaitForReset())));
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
		LOG.debug("Rate limited client={} for {} s", client, retryAfter);
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
				"Trop de requêtes : " + this.perMinute + " par minute au plus, réessayer dans " + retryAfter + " s");
		problem.setProperty("retry_after", retryAfter);
		this.problems.write(request, response, problem);
	}

	private String client(HttpServletRequest request) {
		String key = this.keys.keyName(request);
		return (key != null) ? "key:" + key : "address:" + request.getRemoteAddr();
	}

	private Bucket bucket(String client) {
		if (this.buckets.size() > MAX_TRACKED_CLIENTS) {
			this.buckets.values().removeIf((bucket) -> bucket.getAvailableTokens() >= this.perMinute);
		}
		return this.buckets.computeIfAbsent(client, (name) -> Bucket.builder()
			.addLimit((limit) -> limit.capacity(this.perMinute).refillGreedy(this.perMinute, Duration.ofMinutes(1)))
			.build());
	}

	private static long seconds(long nanos) {
		return (nanos + 999_999_999L) / 1_000_000_000L;
	}

}
