package io.dispycluster.support.body;

import java.io.IOException;

import org.springframework.util.unit.DataSize;

/**
 * A request body read past its limit (see {@link BodyLimitFilter}). Thrown by the body's
 * stream, it reaches the error handlers wrapped in whatever read the body (Jackson, the
 * message converter); they look for it among the causes and answer 413.
 */
public class BodyTooLargeException extends IOException {

	private final DataSize limit;

	public BodyTooLargeException(DataSize limit) {
		super("Request body larger than " + limit.toBytes() + " bytes");
		this.limit = limit;
	}

	/** The limit the body went past. */
	public DataSize limit() {
		return this.limit;
	}

}
