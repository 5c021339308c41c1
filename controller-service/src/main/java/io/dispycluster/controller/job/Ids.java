package io.dispycluster.controller.job;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * Collision-free identifiers with the upstream prefixes ({@code job_}, {@code batch_}):
 * the prefix, then 48 bits of milliseconds and 80 random bits in lower-case Crockford
 * base 32 (a ULID). They sort by creation time and stay unique across restarts and across
 * controllers sharing a database.
 * <p>
 * Within one millisecond (the jobs of one batch) the ids are monotonic: the next one is
 * the previous one plus one in its random part, so that they sort in the order they were
 * made, as the jobs are listed, rather than at random.
 */
final class Ids {

	private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int RANDOM_BITS = 80;

	private static final BigInteger RANDOM_LIMIT = BigInteger.ONE.shiftLeft(RANDOM_BITS);

	private static long lastTime = -1;

	private static BigInteger lastRandom = BigInteger.ZERO;

	private Ids() {
	}

	static String next(String prefix, Instant now) {
		long time;
		BigInteger random;
		synchronized (Ids.class) {
			time = now.toEpochMilli();
			random = (time == lastTime) ? lastRandom.add(BigInteger.ONE) : new BigInteger(RANDOM_BITS, RANDOM);
			if (random.equals(RANDOM_LIMIT)) {
				// 2^80 ids in one millisecond: borrow the next one
				time++;
				random = new BigInteger(RANDOM_BITS, RANDOM);
			}
			lastTime = time;
			lastRandom = random;
		}
		return prefix + "_" + encode(time, 10) + encode(random, 16);
	}

	private static String encode(long value, int length) {
		return encode(BigInteger.valueOf(value), length);
	}

	private static String encode(BigInteger value, int length) {
		char[] chars = new char[length];
		for (int i = length - 1; i >= 0; i--) {
			chars[i] = ALPHABET[value.intValue() & 31];
			value = value.shiftRight(5);
		}
		return new String(chars);
	}

}
