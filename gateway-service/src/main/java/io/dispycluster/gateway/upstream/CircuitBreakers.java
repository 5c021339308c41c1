package io.dispycluster.gateway.upstream;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * One Resilience4j circuit breaker per service, configured under
 * {@code resilience4j.circuitbreaker}. Transport errors, 5xx answers and routed answers
 * the service broke off in the middle of their body count as failures; once too many
 * calls failed, calls to that service are refused at once
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
		Verdict verdict = begin(service);
		T result = judged(verdict, call);
		if (failed.test(result)) {
			verdict.failed(service);
		}
		else {
			verdict.succeeded();
		}
		return result;
	}

	/**
	 * Starts a call to {@code service} whose verdict may come later than its result: that
	 * of a routed answer comes once its body is passed on, since a service can still
	 * break it off. The verdict must be given, or the permission released, once.
	 * @throws UpstreamFailure when the breaker is open
	 */
	Verdict begin(Service service) {
		CircuitBreaker breaker = this.registry.circuitBreaker(service.configKey());
		if (!breaker.tryAcquirePermission()) {
			throw new UpstreamFailure(service.key(), UpstreamFailure.Kind.CIRCUIT_OPEN, null, waitInOpenState(breaker));
		}
		return new Verdict(breaker, System.nanoTime());
	}

	/**
	 * Makes {@code call}, giving the verdict of a call that throws: a failure for an
	 * {@link UpstreamFailure}, none for another exception (not the service's doing).
	 */
	static <T> T judged(Verdict verdict, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (UpstreamFailure ex) {
			verdict.failed(ex);
			throw ex;
		}
		catch (RuntimeException | Error ex) {
			verdict.none();
			throw ex;
		}
	}

	private static Duration waitInOpenState(CircuitBreaker breaker) {
		return Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
	}

	/**
	 * The verdict on one call, given once: the first of {@link #succeeded},
	 * {@link #failed} and {@link #none} counts, the others are ignored.
	 */
	static final class Verdict {

		private final CircuitBreaker breaker;

		private final long start;

		private final AtomicBoolean given = new AtomicBoolean();

		private Verdict(CircuitBreaker breaker, long start) {
			this.breaker = breaker;
			this.start = start;
		}

		void succeeded() {
			if (this.given.compareAndSet(false, true)) {
				this.breaker.onSuccess(System.nanoTime() - this.start, TimeUnit.NANOSECONDS);
			}
		}

		/** The service answered with a server error. */
		void failed(Service service) {
			failed(new FailedAnswer(service));
		}

		void failed(Throwable failure) {
			if (this.given.compareAndSet(false, true)) {
				this.breaker.onError(System.nanoTime() - this.start, TimeUnit.NANOSECONDS, failure);
			}
		}

		/** The call ended for a reason of the gateway's or the client's: not judged. */
		void none() {
			if (this.given.compareAndSet(false, true)) {
				this.breaker.releasePermission();
			}
		}

	}

	/** A service answered, but with a server error. */
	private static final class FailedAnswer extends RuntimeException {

		FailedAnswer(Service service) {
			super("Service " + service.key() + " answered with a server error", null, false, false);
		}

	}

}
