package io.dispycluster.scheduler.history;

import java.util.List;

/**
 * A kind of run that appears in the history.
 */
public interface HistorySource {

	/** The latest runs, at most {@code limit}, in any order. */
	List<? extends HistoryEntry> latest(int limit);

}
