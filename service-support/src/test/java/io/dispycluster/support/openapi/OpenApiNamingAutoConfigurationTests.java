package io.dispycluster.support.openapi;

import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schemas of the OpenAPI documents use the API's names: snake_case properties and
 * lower-case enum values.
 */
class OpenApiNamingAutoConfigurationTests {

	enum Colour {

		DEEP_BLUE, RED

	}

	record Sample(String startUrl, int maxPages, Colour colour) {
	}

	@Test
	void describesPropertiesAndEnumValuesAsTheApiWritesThem() {
		ModelConverters converters = new ModelConverters();
		converters.addConverter(new OpenApiNamingAutoConfiguration().snakeCaseModelResolver());

		Map<String, Schema> schemas = converters.read(Sample.class);

		Schema<?> sample = schemas.get("Sample");
		assertThat(sample.getProperties()).containsOnlyKeys("start_url", "max_pages", "colour");
		assertThat(sample.getProperties().get("colour").getEnum()).containsExactly("deep_blue", "red");
	}

}
