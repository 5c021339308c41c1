package io.dispycluster.gateway.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Writes a problem from a servlet filter, where the MVC exception handling does not
 * reach, with the same fields as the rest of the gateway's problems.
 */
@Component
public class ProblemWriter {

	private final JsonMapper jsonMapper;

	private final MeterRegistry meters;

	ProblemWriter(JsonMapper jsonMapper, MeterRegistry meters) {
		this.jsonMapper = jsonMapper;
		this.meters = meters;
	}

	/** Sends {@code problem} as the whole response, and counts the refusal. */
	public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		countRefusal(problem);
		byte[] body = toJson(problem, request.getRequestURI());
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/**
	 * Counts a request the gateway refused itself, as
	 * {@code dispycluster_gateway_requests_refused_total{status}}.
	 */
	public void countRefusal(ProblemDetail problem) {
		this.meters.counter("dispycluster.gateway.requests.refused", "status", String.valueOf(problem.getStatus()))
			.increment();
	}

	/** The problem's JSON, with {@code instance} set to {@code path}. */
	public byte[] toJson(ProblemDetail problem, String path) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("type", String.valueOf(problem.getType()));
		fields.put("title", problem.getTitle());
		fields.put("status", problem.getStatus());
		fields.put("detail", problem.getDetail());
		fields.put("instance", path);
		if (problem.getProperties() != null) {
			fields.putAll(problem.getProperties());
		}
		return this.jsonMapper.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8);
	}

}
