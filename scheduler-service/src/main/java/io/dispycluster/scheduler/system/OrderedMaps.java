package io.dispycluster.scheduler.system;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Unmodifiable copies of maps shown to users that keep their order. {@code Map.copyOf}
 * iterates in an order that changes from one start of the service to the next, so a
 * schedule's {@code schedule_config} showed {@code timezone} before {@code cron} on some
 * days, and a step's config its keys in any order.
 */
public final class OrderedMaps {

	private OrderedMaps() {
	}

	/** An unmodifiable copy in the map's own order; null values are refused. */
	public static <K, V> Map<K, V> copyOf(Map<? extends K, ? extends V> map) {
		Map<K, V> copy = new LinkedHashMap<>();
		map.forEach((key, value) -> {
			if (key == null || value == null) {
				throw new NullPointerException("a key or value is null");
			}
			copy.put(key, value);
		});
		return Collections.unmodifiableMap(copy);
	}

}
