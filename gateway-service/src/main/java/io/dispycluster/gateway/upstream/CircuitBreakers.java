package io.dispycluster.gateway.upstream;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * One Resilience4j circuit breaker per service, configured under
 * {@code resilience4j.circuitbreaker}. Transport errors and 5xx answers count as
 * failures; once too many calls failed, calls to that service are refused at once
 * ({@link UpstreamFailure.Kind#CIRCUIT_OPEN}) until the breaker lets a few trial calls
 * through again. The health probes bypass it, so {@code /health} always asks.
 */
class CircuitBreakers {

	private final CircuitBreakerRegistry registry;

	CircuitBreakers(CircuitBreakerRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Makes {@code call} to {@code service} unless its breaker is open.
	 * @param failed whether a result counts as a failure
	 * @throws UpstreamFailure when the breaker is open, or as thrown by the call
	 */
	<T> T call(Service service, Supplier<T> call, Predicate<T> failed) {
		CircuitBreaker breaker = this.registry.circuitBreaker(service.configKey());
		if (!breaker.tryAcquirePermission()) {
			throw new UpstreamFailure(service.key(), UpstreamFailure.Kind.CIRCUIT_OPEN, null, waitInOpenState(breaker));
		}
		long start = System.nanoTime();
		try {
			T result = call.get();
			if (failed.test(result)) {
				breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, new FailedAnswer(service));
			}
			else {
				breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			}
			return result;
		}
		catch (UpstreamFailure ex) {
			breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
			throw ex;
		}
		catch (RuntimeException | Error ex) {
			breaker.releasePermission();
			throw ex;
		}
	}

	private static Duration waitInOpenState(CircuitBreaker breaker) {
		return Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
	}

	/** A service answered, but with a server error. */
	private static final class FailedAnswer extends RuntimeException {

		FailedAnswer(Service service) {
			super("Service " + service.key() + " answered with a server error", null, false, false);
		}

	}

}
