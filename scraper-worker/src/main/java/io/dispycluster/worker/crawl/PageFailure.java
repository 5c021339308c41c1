package io.dispycluster.worker.crawl;

/**
 * A URL that ends without being crawled, with its state and a readable reason.
 */
class PageFailure extends Exception {

	private final PageState state;

	PageFailure(PageState state, String reason) {
		super(reason, null, false, false);
		this.state = state;
	}

	PageState state() {
		return this.state;
	}

}
