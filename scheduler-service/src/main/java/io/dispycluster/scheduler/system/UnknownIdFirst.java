package io.dispycluster.scheduler.system;

import java.util.Map;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Answers a request that names an unknown id in its path with the feature's not-found,
 * before its body is read.
 * <p>
 * A request body is read, type-checked ({@link CheckedBodyAdvice}) and validated while
 * the handler's arguments are resolved, before the handler runs and looks the id up: a
 * {@code PUT /tasks/task_0_0} with an invalid body answered 422 (and with a malformed one
 * 400, with no body 400, with text 415), telling the user to fix a body for something
 * that does not exist. What they need to hear first is that it does not exist. An
 * interceptor runs once the handler is known and before its arguments are resolved, so
 * the check sits here, once for every endpoint that reads a body on an id path, and uses
 * the same lookup as the handler.
 */
public final class UnknownIdFirst implements HandlerInterceptor {

	private final String variable;

	private final Consumer<String> find;

	/**
	 * @param variable the path variable that holds the id ({@code taskId})
	 * @param find looks the id up, throwing the feature's not-found exception when
	 * unknown
	 */
	public UnknownIdFirst(String variable, Consumer<String> find) {
		this.variable = variable;
		this.find = find;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method && readsBody(method)
				&& request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> path
				&& path.get(this.variable) instanceof String id) {
			this.find.accept(id);
		}
		return true;
	}

	private static boolean readsBody(HandlerMethod method) {
		for (var parameter : method.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				return true;
			}
		}
		return false;
	}

}
