package io.dispycluster.support.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error of a service with a problem: the exception handlers and the error
 * page controller. Ordered before Boot's own MVC and error configurations, whose default
 * handler and error controller back off when these are present. A service with its own
 * {@code ResponseEntityExceptionHandler} (the gateway, whose errors are mostly about the
 * services behind it) keeps it.
 */
@AutoConfiguration(before = { WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
@Import({ ProblemDetailsAdvice.class, ProblemErrorController.class })
class ProblemDetailsAutoConfiguration {

}
