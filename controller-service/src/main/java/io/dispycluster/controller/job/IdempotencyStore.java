package io.dispycluster.controller.job;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The answers given to requests that carried an {@code Idempotency-Key}, so that a
 * retried submission gets the same job ids instead of new jobs.
 */
@Repository
class IdempotencyStore {

	private final NamedParameterJdbcTemplate jdbc;

	IdempotencyStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredAnswer> find(String key) {
		return this.jdbc
			.query("SELECT fingerprint, response_json FROM idempotency_key WHERE idem_key = :key", Map.of("key", key),
					(rs, n) -> new StoredAnswer(rs.getString(1), rs.getString(2)))
			.stream()
			.findFirst();
	}

	/**
	 * Stores an answer; a concurrent insert of the same key fails with a duplicate key.
	 */
	void insert(String key, StoredAnswer answer, Instant now) {
		this.jdbc.update(
				"INSERT INTO idempotency_key (idem_key, fingerprint, response_json, created_at) "
						+ "VALUES (:key, :fingerprint, :json, :now)",
				new MapSqlParameterSource("key", key).addValue("fingerprint", answer.fingerprint())
					.addValue("json", answer.json())
					.addValue("now", JobStore.timestamp(now)));
	}

	int deleteOlderThan(Instant cutoff) {
		return this.jdbc.update("DELETE FROM idempotency_key WHERE created_at < :cutoff",
				Map.of("cutoff", JobStore.timestamp(cutoff)));
	}

	/**
	 * An answer as stored.
	 *
	 * @param fingerprint a digest of the request it answered
	 * @param json the answer's body
	 */
	record StoredAnswer(String fingerprint, String json) {
	}

}
