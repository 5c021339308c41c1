package io.dispycluster.scheduler.system;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Makes ids from one database sequence, so that they never collide: not within a second
 * (the upstream's {@code task_<unix seconds>} did), not across restarts, not between
 * scheduler instances sharing a database.
 */
@Component
public class Ids {

	private static final String SEQUENCE = "id_seq";

	private final DataFieldMaxValueIncrementer sequence;

	private final Clock clock;

	Ids(DataSource dataSource, Clock clock) throws MetaDataAccessException {
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, (meta) -> meta.getDatabaseProductName());
		this.sequence = "PostgreSQL".equals(product) ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
				: new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
		this.clock = clock;
	}

	/**
	 * A new id such as {@code task_1733340000_17}: the prefix, the Unix time in seconds
	 * (as upstream) and a number never handed out before.
	 */
	public String next(String prefix) {
		return prefix + "_" + this.clock.instant().getEpochSecond() + "_" + nextNumber();
	}

	/** A number never handed out before. */
	public long nextNumber() {
		return this.sequence.nextLongValue();
	}

}
