package io.dispycluster.controller;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streamed answers (lists, jobs, results) may take far longer than Tomcat's 30 s
 * default to reach a slow client: past that default, a large job's results were cut, and
 * still ended as a whole answer.
 */
class StreamedAnswerTimeoutTests {

	@Test
	void letsAStreamedAnswerTakeAnHour() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		new YamlPropertySourceLoader().load("default", new ClassPathResource("application.yml"))
			.forEach(environment.getPropertySources()::addLast);

		assertThat(Binder.get(environment).bind("spring.mvc.async.request-timeout", Duration.class).get())
			.isGreaterThanOrEqualTo(Duration.ofHours(1));
	}

}
