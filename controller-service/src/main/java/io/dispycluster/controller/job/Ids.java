package io.dispycluster.controller.job;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Collision-free identifiers with the upstream prefixes ({@code job_}, {@code batch_}):
 * the prefix, then 48 bits of milliseconds and 80 random bits in lower-case Crockford
 * base 32 (a ULID). They sort by creation time and stay unique across restarts and across
 * controllers sharing a database.
 */
final class Ids {

	private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	static String next(String prefix, Instant now) {
		char[] chars = new char[26];
		long time = now.toEpochMilli();
		for (int i = 9; i >= 0; i--) {
			chars[i] = ALPHABET[(int) (time & 31)];
			time >>>= 5;
		}
		byte[] random = new byte[10];
		RANDOM.nextBytes(random);
		long high = 0;
		for (int i = 0; i < 5; i++) {
			high = (high << 8) | (random[i] & 0xff);
		}
		long low = 0;
		for (int i = 5; i < 10; i++) {
			low = (low << 8) | (random[i] & 0xff);
		}
		for (int i = 17; i >= 10; i--) {
			chars[i] = ALPHABET[(int) (high & 31)];
			high >>>= 5;
		}
		for (int i = 25; i >= 18; i--) {
			chars[i] = ALPHABET[(int) (low & 31)];
			low >>>= 5;
		}
		return prefix + "_" + new String(chars);
	}

}
