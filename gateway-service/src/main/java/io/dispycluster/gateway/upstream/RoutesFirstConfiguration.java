package io.dispycluster.gateway.upstream;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;

/**
 * Asks the routes before the annotated controllers. Spring MVC tries its handler mappings
 * in order, and by default the controllers' come first: every routed call, most of the
 * gateway's traffic, was first matched in vain against every controller mapping, a
 * measurable share of the gateway's CPU per call. The routes and the gateway's own
 * endpoints ({@code /}, {@code /health}, {@code /overview}, {@code /scrape},
 * {@code /openapi/...}, the Swagger UI) share no path, so the order changes nothing but
 * the cost; a route added to the table must keep it so. The routes come before the
 * actuator's endpoints too, which are matched the same costly way: no route can reach
 * {@code /actuator}, a private path ({@link PrivatePaths}).
 */
@Configuration(proxyBeanMethods = false)
class RoutesFirstConfiguration {

	// before the actuator's endpoint mappings (-100) and the controllers'
	// RequestMappingHandlerMapping (0)
	static final int ROUTES_ORDER = -200;

	@Bean
	static BeanPostProcessor routesBeforeControllers() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof RouterFunctionMapping mapping) {
					mapping.setOrder(ROUTES_ORDER);
				}
				return bean;
			}

		};
	}

}
