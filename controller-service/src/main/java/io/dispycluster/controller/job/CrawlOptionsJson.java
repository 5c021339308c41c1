package io.dispycluster.controller.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dispycluster.model.job.CrawlOptions;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of a job's {@link CrawlOptions}: the JSON object of the wire
 * (snake_case, absent fields left out), or null when no option is set. It has a mapper of
 * its own so that what is stored does not depend on the web layer's settings.
 */
final class CrawlOptionsJson {

	private static final JsonMapper JSON = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private static final CrawlOptions NONE = CrawlOptions.none();

	private CrawlOptionsJson() {
	}

	static @Nullable String write(CrawlOptions options) {
		return JobSpec.hasAny(options) ? JSON.writeValueAsString(options) : null;
	}

	static CrawlOptions read(@Nullable String json) {
		return (json != null) ? JSON.readValue(json, CrawlOptions.class) : NONE;
	}

}
