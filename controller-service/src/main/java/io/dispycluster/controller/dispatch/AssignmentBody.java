package io.dispycluster.controller.dispatch;

import java.util.Map;

import io.dispycluster.controller.job.Job;
import io.dispycluster.model.job.ScrapeAssignment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of an assignment as the worker reads it: a {@link ScrapeAssignment} whose
 * {@code spec} also carries the job's crawl options ({@code max_depth}, {@code extract},
 * ...) as top-level fields, the way {@code CrawlOptions} travels. Options that are not
 * set are left out, so the worker's defaults apply.
 */
final class AssignmentBody {

	private AssignmentBody() {
	}

	static ObjectNode of(Job job, JsonMapper json) {
		ScrapeAssignment assignment = new ScrapeAssignment(job.id().value(), job.attempt(), job.spec().toScrapeSpec());
		ObjectNode body = json.valueToTree(assignment);
		if (job.spec().hasOptions()) {
			ObjectNode spec = (ObjectNode) body.get("spec");
			JsonNode options = json.valueToTree(job.spec().options());
			for (Map.Entry<String, JsonNode> option : options.properties()) {
				if (!option.getValue().isNull()) {
					spec.set(option.getKey(), option.getValue());
				}
			}
		}
		return body;
	}

}
