package io.dispycluster.support.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.util.StringUtils;

/**
 * Makes the operator's shared configuration file win over the defaults packaged in the
 * jar, profile-specific ones included.
 * <p>
 * Every service imports {@code dispycluster.yml} from its {@code application.yml} with
 * {@code spring.config.import}. Boot ranks an imported file just above the file that
 * imports it, so a packaged {@code application-production.yml} would still override it:
 * an operator who sets {@code requests-per-minute: 500} in {@code dispycluster.yml} would
 * silently keep the production default. This moves the imported files above every
 * packaged config file, still below environment variables, system properties and the
 * command line, which keep the last word.
 */
class SharedConfigPrecedence implements EnvironmentPostProcessor, Ordered {

	private static final String CONFIG_RESOURCE = "Config resource ";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String imports = environment.getProperty("spring.config.import");
		if (!StringUtils.hasText(imports)) {
			return;
		}
		MutablePropertySources sources = environment.getPropertySources();
		List<PropertySource<?>> imported = imported(sources, StringUtils.commaDelimitedListToStringArray(imports));
		PropertySource<?> topConfigFile = firstConfigFile(sources, imported);
		if (imported.isEmpty() || topConfigFile == null) {
			return;
		}
		for (PropertySource<?> source : imported) {
			sources.remove(source.getName());
			sources.addBefore(topConfigFile.getName(), source);
		}
	}

	private static List<PropertySource<?>> imported(MutablePropertySources sources, String[] locations) {
		List<PropertySource<?>> imported = new ArrayList<>();
		for (PropertySource<?> source : sources) {
			for (String location : locations) {
				if (source.getName().startsWith(CONFIG_RESOURCE)
						&& source.getName().endsWith("via location '" + location.trim() + "'")) {
					imported.add(source);
				}
			}
		}
		return imported;
	}

	private static PropertySource<?> firstConfigFile(MutablePropertySources sources, List<PropertySource<?>> imported) {
		for (PropertySource<?> source : sources) {
			if (source.getName().startsWith(CONFIG_RESOURCE) && !imported.contains(source)) {
				return source;
			}
		}
		return null;
	}

	/** Right after Boot has loaded the config files. */
	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

}
