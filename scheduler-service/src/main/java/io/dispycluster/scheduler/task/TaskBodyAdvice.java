package io.dispycluster.scheduler.task;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Validator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.dispycluster.scheduler.scrape.CrawlFields;
import io.dispycluster.scheduler.system.CheckedBodyAdvice;
import io.dispycluster.support.problem.FieldProblem;
import io.dispycluster.support.submission.JsonValues;

import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Checks the JSON of a task body before it is bound to a {@link TaskRequest} (see
 * {@link CheckedBodyAdvice}): the types of its fields, and its crawl fields and node
 * labels with the controller's own rules.
 */
@ControllerAdvice
class TaskBodyAdvice extends CheckedBodyAdvice<TaskRequest> {

	private static final List<String> INTEGERS = List.of("max_pages", "timeout_s", "priority");

	private static final List<String> BOOLEANS = List.of("same_origin_only", "allow_concurrent_runs");

	private static final List<String> STRINGS = List.of("name", "description");

	TaskBodyAdvice(JsonMapper json, Validator validator) {
		super(TaskRequest.class, json, validator);
	}

	@Override
	protected void check(ObjectNode body, ObjectNode plain, List<FieldProblem> problems) {
		STRINGS.forEach((field) -> requireString(body, field, field, problems));
		INTEGERS.forEach((field) -> integer(body, field, field, problems, plain));
		BOOLEANS.forEach((field) -> {
			Boolean value = JsonValues.booleanOf(body.get(field), field, problems);
			if (value != null) {
				plain.put(field, value);
			}
		});
		urls(body.get("urls"), problems);
		schedule(body, problems);
		crawlFields(body, problems, plain);
	}

	private static void urls(JsonNode urls, List<FieldProblem> problems) {
		if (!isSet(urls)) {
			return;
		}
		if (!urls.isArray()) {
			problems.add(new FieldProblem("urls", "must be an array of URLs"));
			return;
		}
		for (int i = 0; i < urls.size(); i++) {
			if (!urls.get(i).isString()) {
				problems.add(new FieldProblem("urls[" + i + "]", "must be a string holding an http or https URL"));
			}
		}
	}

	/** Checks the crawl fields with the controller's rules and puts them back as read. */
	private static void crawlFields(ObjectNode body, List<FieldProblem> problems, ObjectNode plain) {
		List<FieldProblem> crawlProblems = new ArrayList<>();
		CrawlFields fields = CrawlFields.read(body, crawlProblems);
		problems.addAll(crawlProblems);
		if (crawlProblems.isEmpty()) {
			plain.remove(CrawlFields.NAMES);
			fields.asMap().forEach(plain::putPOJO);
		}
	}

}
