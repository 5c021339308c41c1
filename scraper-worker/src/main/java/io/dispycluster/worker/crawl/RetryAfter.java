package io.dispycluster.worker.crawl;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code Retry-After} header: a number of seconds, or an HTTP date.
 */
final class RetryAfter {

	private RetryAfter() {
	}

	/**
	 * How long the server asks to wait.
	 * @param header the header's value, or null
	 * @param now the current time, for a date
	 * @return the wait (never negative), or empty if the header is missing or unreadable
	 */
	static Optional<Duration> parse(@Nullable String header, Instant now) {
		if (header == null || header.isBlank()) {
			return Optional.empty();
		}
		String value = header.strip();
		if (value.matches("\\d{1,9}")) {
			return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
		}
		try {
			Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(now, at);
			return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
