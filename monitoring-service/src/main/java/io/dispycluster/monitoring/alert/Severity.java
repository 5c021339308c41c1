package io.dispycluster.monitoring.alert;

import java.util.Locale;

/**
 * How bad an alert or an issue is; the cluster's {@code overall_status} is the worst of
 * them.
 */
public enum Severity {

	/** Needs a look: the cluster still works. */
	WARNING,

	/** Needs action: jobs fail or a node is at risk. */
	CRITICAL;

	/** The severity's name on the wire, e.g. {@code warning}. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
