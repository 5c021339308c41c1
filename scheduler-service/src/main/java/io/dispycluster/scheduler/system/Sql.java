package io.dispycluster.scheduler.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * Conversions between {@link Instant} and {@code TIMESTAMP WITH TIME ZONE} that both H2
 * and the PostgreSQL driver understand.
 */
public final class Sql {

	private Sql() {
	}

	/** The value to bind for an instant. */
	public static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/** The instant in a column, or null. */
	public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/** The instant in a column that is never null. */
	public static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
		Instant value = instant(rs, column);
		if (value == null) {
			throw new SQLException("Column " + column + " is null");
		}
		return value;
	}

	/**
	 * Cuts a text to fit a column, so that a long error message never fails an update.
	 */
	public static @Nullable String fit(@Nullable String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
