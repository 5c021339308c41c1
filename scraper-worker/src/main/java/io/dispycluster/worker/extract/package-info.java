/**
 * Extractors: small, replaceable rules that read one thing from a parsed page.
 */
@NullMarked
package io.dispycluster.worker.extract;

import org.jspecify.annotations.NullMarked;
