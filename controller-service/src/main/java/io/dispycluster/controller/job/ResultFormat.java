package io.dispycluster.controller.job;

import java.util.Locale;
import java.util.Optional;

import org.springframework.http.MediaType;

/**
 * The formats of {@code GET /jobs/{id}/results}: one element per crawled page.
 */
enum ResultFormat {

	/** A JSON array of the pages as the worker described them. */
	JSON(MediaType.APPLICATION_JSON),

	/** One JSON object per line. */
	NDJSON(MediaType.parseMediaType("application/x-ndjson")),

	/**
	 * CSV with the columns url, status, title, depth, links and data (extracted fields as
	 * JSON).
	 */
	CSV(MediaType.parseMediaType("text/csv;charset=UTF-8"));

	private final MediaType mediaType;

	ResultFormat(MediaType mediaType) {
		this.mediaType = mediaType;
	}

	MediaType mediaType() {
		return this.mediaType;
	}

	static Optional<ResultFormat> parse(String name) {
		for (ResultFormat format : values()) {
			if (format.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

}
