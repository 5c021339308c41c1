package io.dispycluster.support.openapi;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Makes the OpenAPI documents name properties and enum values as the API writes them:
 * {@code start_url}, {@code "pending"}.
 * <p>
 * The services' JSON is written by Jackson 3 with snake_case names and lower-case enums,
 * but springdoc describes the models with swagger-core, which introspects them with a
 * Jackson 2 mapper of its own that knows nothing of that configuration: without this, the
 * documents (and the Swagger UI) showed {@code startUrl} and {@code PENDING}, names the
 * API refuses or never sends.
 */
@AutoConfiguration
@ConditionalOnClass(ModelResolver.class)
class OpenApiNamingAutoConfiguration {

	@Bean
	ModelResolver snakeCaseModelResolver() {
		ObjectMapper mapper = Json.mapper().copy();
		mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
		return new LowerCaseEnumResolver(mapper);
	}

	/**
	 * Writes enum constants in lower case, as the services' Jackson does. Only values
	 * that are a constant's name change: one that an enum chose for itself (with
	 * {@code @JsonValue} or {@code @JsonProperty}) stays as it is.
	 */
	static final class LowerCaseEnumResolver extends ModelResolver {

		LowerCaseEnumResolver(ObjectMapper mapper) {
			super(mapper);
		}

		@Override
		@SuppressWarnings("rawtypes")
		protected void _addEnumProps(Class<?> type, Schema property) {
			super._addEnumProps(type, property);
			lowerCase(type, property);
		}

		@Override
		@SuppressWarnings("rawtypes")
		protected Schema _createSchemaForEnum(Class<Enum<?>> type) {
			Schema schema = super._createSchemaForEnum(type);
			lowerCase(type, schema);
			return schema;
		}

		@SuppressWarnings({ "rawtypes", "unchecked" })
		private static void lowerCase(Class<?> type, Schema schema) {
			List<?> values = schema.getEnum();
			if (values == null || !type.isEnum()) {
				return;
			}
			Set<String> names = Stream.of(type.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name())
				.collect(Collectors.toSet());
			schema.setEnum(values.stream()
				.map((value) -> (value instanceof String name && names.contains(name)) ? name.toLowerCase(Locale.ROOT)
						: value)
				.collect(Collectors.toList()));
		}

	}

}
