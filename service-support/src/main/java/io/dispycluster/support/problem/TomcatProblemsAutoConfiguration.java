package io.dispycluster.support.problem;

import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * Puts {@link ProblemErrorReportValve} in the place of Tomcat's HTML error report, and
 * answers the query strings Tomcat cannot read ({@link UnreadableQueryAdvice}), in every
 * service, the gateway included.
 */
@AutoConfiguration
@ConditionalOnClass({ ConfigurableTomcatWebServerFactory.class, ErrorReportValve.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(UnreadableQueryAdvice.class)
class TomcatProblemsAutoConfiguration {

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReports() {
		return new ProblemErrorReports();
	}

	/**
	 * Runs after Boot's own customizer, which adds an HTML error report valve to the
	 * host: that one is replaced, and the host is told the class of the new one, so that
	 * it does not add its default at start.
	 */
	static final class ProblemErrorReports
			implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			factory.addContextCustomizers((context) -> replaceErrorReport(context.getParent()));
		}

		private static void replaceErrorReport(Container host) {
			Pipeline pipeline = host.getPipeline();
			for (Valve valve : pipeline.getValves()) {
				if (valve instanceof ErrorReportValve) {
					pipeline.removeValve(valve);
				}
			}
			pipeline.addValve(new ProblemErrorReportValve());
			if (host instanceof StandardHost standardHost) {
				standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
